// Job conditions as the job controller writes them (newCondition, ensureJobConditionStatus) and
// as its neighbours read them (util.IsJobFinished, FinishedCondition).
import type { Job, JobCondition } from './types.js';
import { rfc3339 } from '../framework/pods.js';

export const COMPLETE = 'Complete';
export const FAILED = 'Failed';
export const FAILURE_TARGET = 'FailureTarget';
export const SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet';
export const SUSPENDED = 'Suspended';

export const REASONS = {
  backoffLimitExceeded: ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
  deadlineExceeded: ['DeadlineExceeded', 'Job was active longer than specified deadline'],
  completionsReached: ['CompletionsReached', 'Reached expected number of succeeded pods'],
} as const;

export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now);
  return { type, status, lastProbeTime: t, lastTransitionTime: t, reason, message };
}

export function findCondition(list: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return list?.find((c) => c.type === type);
}

/**
 * Sets a condition of type to status, replacing one whose status, reason or message differs;
 * a False condition is not added where none exists. Returns whether the list changed.
 */
export function ensureCondition(list: JobCondition[], type: string, status: string, reason: string, message: string, now: number): boolean {
  const i = list.findIndex((c) => c.type === type);
  const cur = list[i];
  if (cur) {
    if (cur.status === status && (cur.reason ?? '') === reason && (cur.message ?? '') === message) return false;
    list[i] = newCondition(type, status, reason, message, now);
    return true;
  }
  if (status === 'False') return false;
  list.push(newCondition(type, status, reason, message, now));
  return true;
}

/** The Complete or Failed condition with status True, if the Job has finished. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === COMPLETE || c.type === FAILED) && c.status === 'True');
}

export const isJobFinished = (job: Job): boolean => finishedCondition(job) !== undefined;
export const isJobSucceeded = (job: Job): boolean => finishedCondition(job)?.type === COMPLETE;
