// JobDescriber and CronJobDescriber.
import type { ObjectReference } from '../../client/types.js';
import { num, rec, recs, str } from '../columns/fields.js';
import { selectorString } from '../columns/labels.js';
import { parseTime } from '../columns/timestamps.js';
import { humanDuration } from '../duration.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { controlledBy, goBoolPtr, printAnnotations, printLabels } from './meta.js';
import { describePodTemplate } from './pod-template.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, tabbed, type Writer } from './writer.js';

const has = (v: unknown): boolean => v !== undefined && v !== null;

function selectorLine(selector: unknown): string {
  const text = selectorString(selector);
  return text === null ? 'Selector:\tFailed to get selector: invalid label selector\n' : `Selector:\t${text}\n`;
}

/** capIndexesListOrNone. */
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes === '') return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

function jobSpecLines(spec: Record<string, unknown>, status: Record<string, unknown>, env: DescribeEnv, w: Writer): void {
  if (has(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${num(spec.parallelism)}\n`);
  w.write(LEVEL_0, has(spec.completions) ? `Completions:\t${num(spec.completions)}\n` : 'Completions:\t<unset>\n');
  if (has(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${str(spec.completionMode)}\n`);
  if (has(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend === true}\n`);
  if (has(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${num(spec.backoffLimit)}\n`);
  if (has(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${num(spec.ttlSecondsAfterFinished)}\n`);
  if (has(status.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime, env.zone)}\n`);
  if (has(status.completionTime)) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime, env.zone)}\n`);
  const start = parseTime(status.startTime);
  const end = parseTime(status.completionTime);
  if (has(status.startTime) && has(status.completionTime)) w.write(LEVEL_0, `Duration:\t${humanDuration((end ?? 0) - (start ?? 0))}\n`);
  if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${num(spec.activeDeadlineSeconds)}s\n`);
  const counts = `${num(status.succeeded)} Succeeded / ${num(status.failed)} Failed`;
  w.write(LEVEL_0, has(status.ready)
    ? `Pods Statuses:\t${num(status.active)} Active (${num(status.ready)} Ready) / ${counts}\n`
    : `Pods Statuses:\t${num(status.active)} Active / ${counts}\n`);
  if (str(spec.completionMode) === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(str(status.completedIndexes), 50)}\n`);
}

export async function describeJob(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const job = await getObject(env, apiPath('batch/v1', 'jobs', namespace, name));
  const events = await eventsFor(env, refOf(job, 'Job'));
  const spec = rec(job.spec);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, selectorLine(spec.selector));
    printLabels(w, 'Labels', job.metadata.labels);
    printAnnotations(w, 'Annotations', job.metadata.annotations);
    const owner = controlledBy(job);
    if (owner !== '') w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    jobSpecLines(spec, rec(job.status), env, w);
    describePodTemplate(spec.template, w, env.zone);
    maybeEvents(events, w, env.now);
  });
}

function jobTemplate(template: unknown, w: Writer, zone: string): void {
  const spec = rec(rec(template).spec);
  w.write(LEVEL_0, has(spec.selector) ? selectorLine(spec.selector) : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, has(spec.parallelism) ? `Parallelism:\t${num(spec.parallelism)}\n` : 'Parallelism:\t<unset>\n');
  w.write(LEVEL_0, has(spec.completions) ? `Completions:\t${num(spec.completions)}\n` : 'Completions:\t<unset>\n');
  if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${num(spec.activeDeadlineSeconds)}s\n`);
  describePodTemplate(spec.template, w, zone);
}

function activeJobs(w: Writer, jobs: ObjectReference[]): void {
  w.write(LEVEL_0, 'Active Jobs:\t');
  if (jobs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.write(LEVEL_0, jobs.map((j) => j.name ?? '').join(', '));
  w.writeLine('');
}

export async function describeCronJob(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const cj = await getObject(env, apiPath('batch/v1', 'cronjobs', namespace, name));
  const events = await eventsFor(env, refOf(cj, 'CronJob'));
  const spec = rec(cj.spec);
  const status = rec(cj.status);
  const optional = (label: string, v: unknown, suffix = ''): string => (has(v) ? `${label}:\t${num(v)}${suffix}\n` : `${label}:\t<unset>\n`);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', cj.metadata.labels);
    printAnnotations(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${str(spec.schedule)}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${str(spec.concurrencyPolicy)}\n`);
    w.write(LEVEL_0, `Suspend:\t${goBoolPtr(spec.suspend)}\n`);
    w.write(LEVEL_0, optional('Successful Job History Limit', spec.successfulJobsHistoryLimit));
    w.write(LEVEL_0, optional('Failed Job History Limit', spec.failedJobsHistoryLimit));
    w.write(LEVEL_0, optional('Starting Deadline Seconds', spec.startingDeadlineSeconds, 's'));
    jobTemplate(spec.jobTemplate, w, env.zone);
    w.write(LEVEL_0, has(status.lastScheduleTime) ? `Last Schedule Time:\t${rfc1123z(status.lastScheduleTime, env.zone)}\n` : 'Last Schedule Time:\t<unset>\n');
    activeJobs(w, recs(status.active) as ObjectReference[]);
    maybeEvents(events, w, env.now);
  });
}

