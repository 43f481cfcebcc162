// HorizontalPodAutoscaler (autoscaling/v2): horizontalpodautoscalers.
import { resource, statusSub } from './types.js';

export const horizontalPodAutoscaler = resource({
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: statusSub('HorizontalPodAutoscaler'),
  statusSubresource: true,
});
