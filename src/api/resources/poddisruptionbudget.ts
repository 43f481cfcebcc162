// PodDisruptionBudget (policy/v1): poddisruptionbudgets.
import { resource, statusSub } from './types.js';

export const podDisruptionBudget = resource({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  namespaced: true,
  shortNames: ['pdb'],
  subresources: statusSub('PodDisruptionBudget'),
  statusSubresource: true,
  tracksGeneration: true,
});
