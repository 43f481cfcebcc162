// PriorityLevelConfiguration (flowcontrol.apiserver.k8s.io/v1): prioritylevelconfigurations, with
// a status subresource; generation 1 on create, bumped by spec changes.
import { resource, statusSub } from './types.js';

export const priorityLevelConfiguration = resource({
  group: 'flowcontrol.apiserver.k8s.io',
  version: 'v1',
  kind: 'PriorityLevelConfiguration',
  plural: 'prioritylevelconfigurations',
  namespaced: false,
  subresources: statusSub('PriorityLevelConfiguration'),
  statusSubresource: true,
  tracksGeneration: true,
});
