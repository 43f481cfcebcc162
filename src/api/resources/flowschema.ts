// FlowSchema (flowcontrol.apiserver.k8s.io/v1): flowschemas, with a status subresource (the
// Dangling condition the APF controller keeps); generation 1 on create, bumped by spec changes.
// Stored, validated and bootstrapped only: the apiserver does not throttle requests by them.
import { resource, statusSub } from './types.js';

export const flowSchema = resource({
  group: 'flowcontrol.apiserver.k8s.io',
  version: 'v1',
  kind: 'FlowSchema',
  plural: 'flowschemas',
  namespaced: false,
  subresources: statusSub('FlowSchema'),
  statusSubresource: true,
  tracksGeneration: true,
});
