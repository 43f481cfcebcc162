// StatefulSet (apps/v1): statefulsets.
import { resource, statusSub, scaleSub } from './types.js';

export const statefulSet = resource({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  subresources: { ...scaleSub(), ...statusSub('StatefulSet') },
  statusSubresource: true,
  tracksGeneration: true,
});
