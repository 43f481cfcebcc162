// DaemonSet (apps/v1): daemonsets.
import { resource, statusSub } from './types.js';

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
});
