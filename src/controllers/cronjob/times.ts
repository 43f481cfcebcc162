// Which scheduled time is due (mostRecentScheduleTime) and how long until the next one
// (nextScheduleTimeDuration, padded by 100 ms as upstream does for clock skew).
import type { Schedule } from './schedule.js';
import type { CronJob } from './types.js';

export const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

/** The last schedule time (or creation), the latest activation not after now, and how many were missed. */
export function mostRecentScheduleTime(cj: CronJob, now: number, sched: Schedule, withDeadline: boolean): MostRecent {
  let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp ?? '') || 0;
  const sds = cj.spec.startingDeadlineSeconds;
  if (withDeadline && sds !== undefined && now - sds * 1000 > earliest) earliest = now - sds * 1000;
  const t1 = sched.next(earliest);
  const t2 = sched.next(t1);
  if (now < t1) return { earliest, missed: 'none' };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const missedCount = Math.floor((now - t1) / 1000 / between) + 1;
  let mostRecent: number | undefined;
  for (let t = sched.next(t1 + (missedCount - 2) * between * 1000); t <= now; t = sched.next(t)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : 'few';
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/** How long until the next activation after the most recent one, plus the 100 ms pad. */
export function nextScheduleTimeDuration(cj: CronJob, now: number, sched: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  const from = r.error ? now : (r.mostRecent ?? (r.missed === 'none' ? r.earliest : now));
  return sched.next(from) + NEXT_SCHEDULE_DELTA_MS - now;
}
