import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { TtlAfterFinishedController } from './controller.js';
import { newJob } from '../job/testing.js';
import type { Job } from '../job/types.js';

const finished = (name: string, ttl: number | undefined, type = 'Complete', at = '2026-01-01T00:00:00Z'): Job => {
  const j = newJob(name, ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl });
  j.status = { conditions: [{ type: 'SuccessCriteriaMet', status: 'True', lastTransitionTime: '2025-12-31T00:00:00Z' }, { type, status: 'True', lastTransitionTime: at }] };
  return j;
};

async function setup(...jobs: Job[]) {
  const env = fakeEnv();
  env.fake.seed(REFS.jobs, ...jobs);
  const c = new TtlAfterFinishedController(env.ctx);
  await env.ctx.informers.start();
  return { ...env, c };
}

describe('ttl-after-finished controller', () => {
  it('waits out the TTL from the finish time, then deletes in the foreground with a UID precondition', async () => {
    const { c, fake, clock } = await setup(finished('done', 100));
    expect(c.queue.length).toBe(1);
    clock.advance(40_000);
    expect(await c.reconcile('default/done')).toEqual({ requeueAfter: 60_000 });
    expect(fake.actions).toEqual([]);
    clock.advance(60_000);
    expect(await c.reconcile('default/done')).toBeUndefined();
    expect(fake.actions.map((a) => `${a.verb} ${a.resource} ${a.name}`)).toEqual(['delete jobs done']);
    expect(fake.peek<Job>(REFS.jobs, 'default', 'done')?.metadata.finalizers).toEqual(['foregroundDeletion']);
  });

  it('fires from its own requeue on a fake clock', async () => {
    const { c, fake, clock } = await setup(finished('done', 30, 'Failed'));
    const key = await c.queue.get();
    const r = await c.reconcile(key!);
    c.queue.done(key!);
    if (r?.requeueAfter) c.queue.addAfter(key!, r.requeueAfter);
    clock.advance(30_000);
    expect(c.queue.length).toBe(1);
    await c.reconcile((await c.queue.get())!);
    expect(fake.peek<Job>(REFS.jobs, 'default', 'done')?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
  });

  it.each([
    ['no TTL', finished('keep', undefined)],
    ['not finished', newJob('keep', { ttlSecondsAfterFinished: 0 })],
  ])('leaves a Job with %s', async (_what, job) => {
    const { c, fake, clock } = await setup(job);
    clock.advance(3_600_000);
    expect(await c.reconcile('default/keep')).toBeUndefined();
    expect(fake.actions).toEqual([]);
  });
});
