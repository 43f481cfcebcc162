import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { jobSetup, setPhase } from './testing.js';
import { remainingBackoffMs } from './backoff.js';
import { Expectations } from './expectations.js';
import type { Job } from './types.js';

const setup = jobSetup;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const conds = (j: Job) => j.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`);

describe('job controller: failures', () => {
  it.each([
    [1, 0], [2, 10_000], [3, 30_000], [7, 630_000], [9, 2_550_000],
  ])('back-off after %i failures: the next pod waits out 10 s doubling, capped at 10 min (%i ms since)', (count, since) => {
    const expected = [0, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000, 600_000][count] ?? 0;
    expect(remainingBackoffMs(count, 0, since)).toBe(Math.max(0, expected - since));
  });

  it('replaces failed pods after the back-off and fails the Job past backoffLimit', async () => {
    const { c, fake, clock, live, job, events } = await setup({ backoffLimit: 1 });
    await c.reconcile('default/pi');
    await setPhase(fake, live()[0]!, 'Failed', iso(clock.ms));
    expect(await c.reconcile('default/pi')).toEqual({ requeueAfter: 10_000 });
    expect(live()).toHaveLength(0);
    expect(job().status).toMatchObject({ failed: 1 });
    clock.advance(10_000);
    await c.reconcile('default/pi');
    expect(live()).toHaveLength(1);
    await setPhase(fake, live()[0]!, 'Failed', iso(clock.ms));
    await c.reconcile('default/pi');
    expect(conds(job())).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(job().status).toMatchObject({ failed: 2, terminating: 0 });
    expect(job().status?.completionTime).toBeUndefined();
    expect((await events()).slice(-1)).toEqual(['Warning BackoffLimitExceeded Job has reached the specified backoff limit']);
  });

  it('counts container restarts against backoffLimit for restartPolicy OnFailure', async () => {
    const { c, fake, live, job } = await setup({ backoffLimit: 2 });
    await fake.patch(REFS.jobs, 'default', 'pi', 'application/merge-patch+json', { spec: { template: { spec: { restartPolicy: 'OnFailure' } } } });
    await c.reconcile('default/pi');
    const p = live()[0]!;
    await fake.patch(REFS.pods, 'default', p.metadata.name!, 'application/merge-patch+json', { status: { phase: 'Running', containerStatuses: [{ name: 'c', restartCount: 2 }] } });
    await c.reconcile('default/pi');
    expect(fake.peek(REFS.pods, 'default', p.metadata.name!)).toBeUndefined();
    expect(conds(job())).toEqual(['FailureTarget=True BackoffLimitExceeded']);
    await c.reconcile('default/pi');
    expect(conds(job())).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(job().status).toMatchObject({ failed: 1 });
  });

  it('stops a Job past activeDeadlineSeconds: FailureTarget, pods deleted, then Failed', async () => {
    const { c, clock, live, pods, job, events } = await setup({ activeDeadlineSeconds: 30, parallelism: 2, completions: 4 });
    expect(await c.reconcile('default/pi')).toEqual({ requeueAfter: 30_000 });
    clock.advance(12_000);
    expect(await c.reconcile('default/pi')).toEqual({ requeueAfter: 18_000 });
    expect(live()).toHaveLength(2);
    clock.advance(18_000);
    await c.reconcile('default/pi');
    expect(pods()).toHaveLength(0);
    expect(conds(job())).toEqual(['FailureTarget=True DeadlineExceeded']);
    expect(job().status).toMatchObject({ failed: 2, terminating: 2 });
    await c.reconcile('default/pi');
    expect(conds(job())).toEqual(['FailureTarget=True DeadlineExceeded', 'Failed=True DeadlineExceeded']);
    expect(job().status).toMatchObject({ terminating: 0 });
    expect((await events()).slice(-1)).toEqual(['Warning DeadlineExceeded Job was active longer than specified deadline']);
  });

  it('fails the Job on a FailJob podFailurePolicy rule and ignores Ignore matches', async () => {
    const rules = [
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      { action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } },
    ];
    const { c, fake, clock, live, job } = await setup({ podFailurePolicy: { rules }, podReplacementPolicy: 'Failed', backoffLimit: 0 });
    await c.reconcile('default/pi');
    const first = live()[0]!;
    await fake.patch(REFS.pods, 'default', first.metadata.name!, 'application/merge-patch+json', { status: { phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True' }] } });
    expect(await c.reconcile('default/pi')).toEqual({ requeueAfter: 10_000 });
    expect(job().status?.failed).toBeUndefined();
    clock.advance(10_000);
    await c.reconcile('default/pi');
    const second = live()[0]!;
    await setPhase(fake, second, 'Failed', iso(clock.ms), 42);
    await c.reconcile('default/pi');
    await c.reconcile('default/pi');
    expect(conds(job())).toEqual(['FailureTarget=True PodFailurePolicy', 'Failed=True PodFailurePolicy']);
    const failed = job().status?.conditions?.find((x) => x.type === 'Failed');
    expect(failed?.message).toBe(`Container c for pod default/${second.metadata.name} failed with exit code 42 matching FailJob rule at index 1`);
    expect(job().status?.failed).toBe(1);
  });
});

describe('expectations', () => {
  it('holds a key until the cache shows the writes, or five minutes pass', () => {
    let now = 0;
    let seen = false;
    const e = new Expectations(() => now);
    e.expect('k', () => seen);
    expect(e.satisfied('k')).toBe(false);
    seen = true;
    expect(e.satisfied('k')).toBe(true);
    seen = false;
    e.expect('k', () => seen);
    now = 5 * 60_000;
    expect(e.satisfied('k')).toBe(true);
  });
});
