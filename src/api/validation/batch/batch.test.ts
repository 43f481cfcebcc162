import { describe, expect, it } from 'vitest';
import { generateJobSelector } from '../../defaulting/index.js';
import { applyDefaults } from '../../defaulting/index.js';
import type { KObject } from '../../types.js';
import { createErrors, meta, updateErrors } from '../testing.js';

const podSpec = (extra: Record<string, unknown> = {}) => ({ containers: [{ name: 'job', image: 'busybox', command: ['true'] }], ...extra });

/** A Job as the registry stores it: defaulted, uid set and selector generated. */
function job(spec: Record<string, unknown>): KObject {
  const j = { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('pi'), spec: { template: { spec: podSpec() }, ...spec } } as KObject;
  applyDefaults('Job.batch', j);
  generateJobSelector(j);
  return j;
}

describe('Job', () => {
  it.each([
    ['valid (OnFailure)', job({ template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } }), []],
    ['restartPolicy defaulted to Always', job({}), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy Sometimes', job({ template: { spec: podSpec({ restartPolicy: 'Sometimes' }) } }), ['spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', 'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"']],
    ['negative backoffLimit', job({ backoffLimit: -1, template: { spec: podSpec({ restartPolicy: 'Never' }) } }), ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0']],
  ])('%s', (_, obj, want) => expect(createErrors('Job.batch', obj)).toEqual(want));

  it('keeps the pod template immutable', () => {
    const old = job({ template: { spec: podSpec({ restartPolicy: 'Never' }) } });
    const next = structuredClone(old);
    (next.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image = 'busybox:1.36';
    const errs = updateErrors('Job.batch', next, old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec\.template: Invalid value: core\.PodTemplateSpec\{.*\}: field is immutable$/s);
  });
});

describe('CronJob', () => {
  const cron = (schedule: string, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('backup'),
    spec: { schedule, jobTemplate: { spec: { template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } } }, ...extra },
  });

  it.each([
    ['*/5 * * * *', []],
    ['@hourly', []],
    ['* * * *', ['spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]']],
    ['61 * * * *', ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['*/x * * * *', ['spec.schedule: Invalid value: "*/x * * * *": failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax']],
    ['@fortnightly', ['spec.schedule: Invalid value: "@fortnightly": unrecognized descriptor: @fortnightly']],
    ['TZ=UTC 0 * * * *', ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
  ])('schedule %s', (schedule, want) => expect(createErrors('CronJob.batch', cron(schedule))).toEqual(want));

  it('checks the time zone', () => {
    expect(createErrors('CronJob.batch', cron('0 * * * *', { timeZone: 'Mars/Olympus' }))).toEqual(['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']);
    expect(createErrors('CronJob.batch', cron('0 * * * *', { timeZone: 'Europe/Paris' }))).toEqual([]);
  });

  it('needs OnFailure or Never in the job template', () => {
    const c = cron('0 * * * *');
    (c.spec.jobTemplate.spec.template.spec as { restartPolicy?: string }).restartPolicy = undefined;
    expect(createErrors('CronJob.batch', c)).toEqual(['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });
});
