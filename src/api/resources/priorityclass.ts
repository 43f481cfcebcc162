// PriorityClass (scheduling.k8s.io/v1): priorityclasses.
import { resource } from './types.js';

export const priorityClass = resource({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  namespaced: false,
  shortNames: ['pc'],
});
