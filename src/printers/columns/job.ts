// jobs (batch/v1): printJob — NAME STATUS COMPLETIONS DURATION AGE; wide CONTAINERS IMAGES SELECTOR.
import type { KObject } from '../../api/types.js';
import { humanDuration } from '../duration.js';
import { ageColumn, column, nameColumn, templateColumns, wideColumn } from './define.js';
import { num, optNum, rec, recs, str, type Fields } from './fields.js';
import { templateCells } from './containers.js';
import { formatLabelSelector } from './labels.js';
import { age, parseTime } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** `succeeded/completions`; without completions `n/1`, or `n/1 of P` when parallelism > 1. */
function completions(spec: Fields, status: Fields): string {
  const succeeded = num(status.succeeded);
  const wanted = optNum(spec.completions);
  if (wanted !== undefined) return `${succeeded}/${wanted}`;
  const parallelism = optNum(spec.parallelism) ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Empty before the job starts, running time while it runs, start→completion once done. */
function duration(status: Fields, now: number): string {
  const start = parseTime(status.startTime);
  if (start === null) return '';
  return humanDuration((parseTime(status.completionTime) ?? now) - start);
}

/** hasJobCondition: the first condition of that type decides, and it must be True. */
function hasCondition(status: Fields, type: string): boolean {
  const found = recs(status.conditions).find((c) => str(c.type) === type);
  return found !== undefined && str(found.status) === 'True';
}

export function jobStatus(job: KObject): string {
  const status = rec(job.status);
  if (hasCondition(status, 'Complete')) return 'Complete';
  if (hasCondition(status, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp !== undefined && job.metadata.deletionTimestamp !== null) return 'Terminating';
  if (hasCondition(status, 'Suspended')) return 'Suspended';
  if (hasCondition(status, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export const jobColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Status', 'Status of the job.'),
    column('Completions', 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
    column('Duration', 'Time required to complete the job.'),
    ageColumn(),
    ...templateColumns(),
    wideColumn('Selector', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells(job, { now }) {
    const spec = rec(job.spec);
    const status = rec(job.status);
    const [names, images] = templateCells(spec);
    return [
      job.metadata.name ?? '',
      jobStatus(job),
      completions(spec, status),
      duration(status, now),
      age(job, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};
