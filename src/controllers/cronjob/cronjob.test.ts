import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { runWorkers } from '../framework/controller.js';
import { REFS } from '../../client/refs.js';
import { CronJobController } from './controller.js';
import type { CronJob, CronJobSpec } from './types.js';
import type { Job } from '../job/types.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const minutes = (ms: number) => Math.floor(ms / 60_000);

function newCronJob(spec: Partial<CronJobSpec> = {}): CronJob {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'cj-uid' },
    spec: {
      schedule: '* * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { labels: { app: 'hello' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
      ...spec,
    },
  };
}

async function setup(spec: Partial<CronJobSpec> = {}, seed: (env: ReturnType<typeof fakeEnv>) => void = () => {}) {
  const env = fakeEnv();
  env.fake.seed(REFS.cronjobs, newCronJob(spec));
  seed(env);
  const c = new CronJobController(env.ctx);
  await env.ctx.informers.start();
  const cj = () => env.fake.peek<CronJob>(REFS.cronjobs, 'default', 'hello')!;
  const jobs = () => env.fake.all<Job>(REFS.jobs, 'default').map((j) => j.metadata.name);
  const events = async () => {
    await env.ctx.recorder.flush();
    return env.fake.all(REFS.events, 'default').map((e) => `${e.type} ${e.reason} ${e.message}`);
  };
  return { ...env, c, cj, jobs, events };
}

const finish = (fake: ReturnType<typeof fakeEnv>['fake'], name: string, type: 'Complete' | 'Failed', at: string) =>
  fake.patch(REFS.jobs, 'default', name, 'application/merge-patch+json', {
    status: { startTime: at, conditions: [{ type, status: 'True', lastTransitionTime: at }], ...(type === 'Complete' ? { completionTime: at } : {}) },
  });

describe('cronjob controller', () => {
  it('waits for the next schedule time, then creates the Job for it', async () => {
    const { c, clock, cj, jobs, fake, events } = await setup();
    expect(await c.reconcile('default/hello')).toEqual({ requeueAfter: 60_100 });
    expect(jobs()).toEqual([]);
    clock.advance(60_100);
    expect(await c.reconcile('default/hello')).toEqual({ requeueAfter: 60_000 });
    const name = `hello-${minutes(T0 + 60_000)}`;
    expect(jobs()).toEqual([name]);
    const job = fake.peek<Job>(REFS.jobs, 'default', name)!;
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:01:00Z' });
    expect(job.metadata.labels).toEqual({ app: 'hello' });
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true, blockOwnerDeletion: true }]);
    expect(job.spec).toEqual(newCronJob().spec.jobTemplate.spec);
    expect(cj().status).toEqual({ lastScheduleTime: '2026-01-01T00:01:00Z', active: [{ kind: 'Job', namespace: 'default', name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion }] });
    expect(await events()).toEqual([`Normal SuccessfulCreate Created job ${name}`]);
    await c.reconcile('default/hello');
    expect(jobs()).toEqual([name]);
  });

  it('fires from its own requeue when a fake clock runs ahead', async () => {
    const { c, clock, jobs, ctx } = await setup({ schedule: '*/5 * * * *' });
    const done = runWorkers(c, 1, ctx.log);
    c.queue.add('default/hello');
    const settle = async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };
    await settle();
    for (let i = 0; i < 3; i++) {
      clock.advance(5 * 60_000 + 100);
      await settle();
    }
    c.queue.shutDown();
    await done;
    expect(jobs()).toEqual([5, 10, 15].map((m) => `hello-${minutes(T0) + m}`));
  });

  it('records finished Jobs, keeps the history limits, and sets lastSuccessfulTime', async () => {
    const { c, clock, fake, cj, jobs, events } = await setup({ successfulJobsHistoryLimit: 1 });
    for (let i = 1; i <= 2; i++) {
      clock.advance(60_000);
      await c.reconcile('default/hello');
      const name = `hello-${minutes(clock.ms)}`;
      await finish(fake, name, 'Complete', new Date(clock.ms + 5000).toISOString().replace('.000', ''));
    }
    await c.reconcile('default/hello');
    const [first, second] = [minutes(T0) + 1, minutes(T0) + 2].map((m) => `hello-${m}`);
    expect(jobs()).toEqual([second]);
    expect(cj().status).toEqual({ lastScheduleTime: '2026-01-01T00:02:00Z', lastSuccessfulTime: '2026-01-01T00:02:05Z' });
    expect(await events()).toEqual(expect.arrayContaining([
      `Normal SawCompletedJob Saw completed job: ${first}, condition: Complete`,
      `Normal SuccessfulDelete Deleted job ${first}`,
    ]));
    expect(fake.actions.find((a) => a.verb === 'delete' && a.name === first)).toBeDefined();
  });

  it.each([
    ['Forbid', ['first'], 'Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'],
    ['Replace', ['second'], 'Normal SuccessfulDelete Deleted job FIRST'],
    ['Allow', ['first', 'second'], undefined],
  ])('concurrencyPolicy %s with a Job still running', async (policy, left, event) => {
    const { c, clock, jobs, events } = await setup({ concurrencyPolicy: policy });
    clock.advance(60_000);
    await c.reconcile('default/hello');
    clock.advance(60_000);
    await c.reconcile('default/hello');
    const names = { first: `hello-${minutes(T0) + 1}`, second: `hello-${minutes(T0) + 2}` };
    expect(jobs()).toEqual(left.map((k) => names[k as 'first' | 'second']));
    if (event) expect(await events()).toContain(event.replace('FIRST', names.first));
  });

  it('does not start a schedule time older than startingDeadlineSeconds', async () => {
    const { c, clock, jobs, events } = await setup({ startingDeadlineSeconds: 10 });
    clock.advance(60_000 + 30_000);
    expect(await c.reconcile('default/hello')).toEqual({ requeueAfter: 30_100 });
    expect(jobs()).toEqual([]);
    expect(await events()).toEqual([]);
    clock.advance(30_105);
    await c.reconcile('default/hello');
    expect(jobs()).toEqual([`hello-${minutes(T0) + 2}`]);
  });

  it('flags too many missed start times but starts the latest', async () => {
    const { c, clock, jobs, events } = await setup();
    clock.advance(3 * 3_600_000);
    await c.reconcile('default/hello');
    expect(jobs()).toEqual([`hello-${minutes(clock.ms)}`]);
    expect(await events()).toContain('Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  });

  it('does nothing while suspended', async () => {
    const { c, clock, jobs } = await setup({ suspend: true });
    clock.advance(5 * 60_000);
    expect(await c.reconcile('default/hello')).toBeUndefined();
    expect(jobs()).toEqual([]);
  });

  it('writes the scheduled time in spec.timeZone', async () => {
    const { c, clock, fake } = await setup({ schedule: '0 9 * * *', timeZone: 'America/New_York' });
    clock.advance(14 * 3_600_000);
    await c.reconcile('default/hello');
    const [job] = fake.all<Job>(REFS.jobs, 'default');
    expect(job?.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-01T09:00:00-05:00');
  });

  it('leaves a Job made by kubectl create job --from alone, warning it did not create it', async () => {
    const manual: Job = {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: { name: 'manual-1', namespace: 'default', annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' }, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true }] },
      spec: {},
    };
    const { c, clock, jobs, cj, events } = await setup({ concurrencyPolicy: 'Replace' }, (env) => env.fake.seed(REFS.jobs, manual));
    clock.advance(60_000);
    await c.reconcile('default/hello');
    expect(jobs().sort()).toEqual([`hello-${minutes(T0) + 1}`, 'manual-1']);
    expect(cj().status?.active?.map((r) => r.name)).toEqual([`hello-${minutes(T0) + 1}`]);
    expect(await events()).toContain('Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual-1');
  });
});
