// VolumeAttachment (storage.k8s.io/v1): volumeattachments, with a status subresource.
import { resource, statusSub } from './types.js';

export const volumeAttachment = resource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'VolumeAttachment',
  plural: 'volumeattachments',
  namespaced: false,
  subresources: statusSub('VolumeAttachment'),
  statusSubresource: true,
});
