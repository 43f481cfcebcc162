// DaemonSet (apps/v1): daemonsets.
import { resource, statusSub } from './types.js';
import type { KObject } from '../types.js';

/** apps.DeprecatedTemplateGeneration: the generation of the last template change. */
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

const setTemplateGeneration = (obj: KObject, generation: number) => {
  obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION]: String(generation) };
};

export const daemonSet = resource({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  subresources: statusSub('DaemonSet'),
  statusSubresource: true,
  tracksGeneration: true,
  prepareForCreate: (obj) => setTemplateGeneration(obj, 1),
  prepareForUpdate: (obj, old) => {
    const template = (o: KObject) => JSON.stringify((o.spec as { template?: unknown } | undefined)?.template ?? null);
    if (template(obj) !== template(old)) setTemplateGeneration(obj, obj.metadata.generation ?? 1);
    else if (old.metadata.annotations?.[TEMPLATE_GENERATION] !== undefined && obj.metadata.annotations?.[TEMPLATE_GENERATION] === undefined) {
      setTemplateGeneration(obj, Number(old.metadata.annotations[TEMPLATE_GENERATION]));
    }
  },
});
