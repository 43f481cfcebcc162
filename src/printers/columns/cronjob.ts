// cronjobs (batch/v1): printCronJob — NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE;
// wide CONTAINERS IMAGES SELECTOR (of the job template).
import { ageColumn, column, nameColumn, templateColumns, wideColumn } from './define.js';
import { at, optBool, optStr, rec, recs, str } from './fields.js';
import { containerCells } from './containers.js';
import { formatLabelSelector } from './labels.js';
import { age, since } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** printBoolPtr: True / False, `<unset>` for nil. */
export function boolPtr(value: unknown): string {
  const b = optBool(value);
  return b === undefined ? '<unset>' : b ? 'True' : 'False';
}

export const cronJobColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
    column('Suspend', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.', { type: 'boolean' }),
    column('Active', 'A list of pointers to currently running jobs.', { type: 'integer' }),
    column('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
    ageColumn(),
    ...templateColumns(),
    wideColumn('Selector', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells(cj, { now }) {
    const spec = rec(cj.spec);
    const status = rec(cj.status);
    const jobSpec = at(spec.jobTemplate, 'spec');
    const [names, images] = containerCells(at(jobSpec, 'template', 'spec'));
    const last = status.lastScheduleTime;
    return [
      cj.metadata.name ?? '',
      str(spec.schedule),
      optStr(spec.timeZone) ?? '<none>',
      boolPtr(spec.suspend),
      recs(status.active).length,
      last === undefined || last === null ? '<none>' : since(last, now),
      age(cj, now),
      names,
      images,
      formatLabelSelector(at(jobSpec, 'selector')),
    ];
  },
};
