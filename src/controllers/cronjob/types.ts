// The batch/v1 CronJob fields the cronjob controller reads and writes.
import type { Obj, ObjectReference } from '../../client/types.js';
import type { JobSpec } from '../job/types.js';

export type { ObjectReference } from '../../client/types.js';

export interface CronJobSpec {
  schedule: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace' | string;
  suspend?: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: JobSpec };
}

export interface CronJobStatus {
  active?: ObjectReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

export interface CronJob extends Obj {
  spec: CronJobSpec;
  status?: CronJobStatus;
}
