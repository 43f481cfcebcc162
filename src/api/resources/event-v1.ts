// Event (events.k8s.io/v1): the same objects as core/v1 events, stored in core's shape (upstream
// stores events.k8s.io events as core/v1 Events and converts).
import type { KObject } from '../types.js';
import { resource } from './types.js';

type Obj = Record<string, unknown>;

/** events.k8s.io/v1 field ↔ core/v1 field (upstream's conversion). */
const RENAMES: [string, string][] = [
  ['note', 'message'],
  ['regarding', 'involvedObject'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(obj: KObject, pairs: [string, string][], apiVersion: string): KObject {
  const out: Obj = { ...obj, apiVersion };
  for (const [from, to] of pairs) {
    delete out[from];
    if ((obj as Obj)[from] !== undefined) out[to] = (obj as Obj)[from];
  }
  return out as KObject;
}

export const eventV1 = resource({
  group: 'events.k8s.io',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  codec: {
    toStorage: (o) => rename(o, RENAMES, 'v1'),
    fromStorage: (o) => rename(o, RENAMES.map(([a, b]) => [b, a]), 'events.k8s.io/v1'),
  },
});
