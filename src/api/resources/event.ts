// Event (core/v1): events.
import { resource } from './types.js';

export const event = resource({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  selectableFields: (o) => {
    const io = (o.involvedObject ?? {}) as Record<string, unknown>;
    const src = (o.source ?? {}) as Record<string, unknown>;
    const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
    return {
      'involvedObject.kind': s(io.kind),
      'involvedObject.namespace': s(io.namespace),
      'involvedObject.name': s(io.name),
      'involvedObject.uid': s(io.uid),
      'involvedObject.apiVersion': s(io.apiVersion),
      'involvedObject.resourceVersion': s(io.resourceVersion),
      'involvedObject.fieldPath': s(io.fieldPath),
      reason: s(o.reason),
      reportingComponent: s(o.reportingComponent),
      source: s(src.component),
      type: s(o.type),
    };
  },
});
