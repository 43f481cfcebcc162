// CronJob (batch/v1): cronjobs.
import { resource, statusSub } from './types.js';

export const cronJob = resource({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  subresources: statusSub('CronJob'),
  statusSubresource: true,
  tracksGeneration: true,
});
