import { describe, expect, it } from 'vitest';
import { WorkQueue } from './queue.js';
import { FakeClock, fakeEnv } from './testing.js';
import { REFS } from '../../client/refs.js';
import { durationMs } from './controller.js';

const pod = (name: string, ns = 'default') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns }, spec: {} });

describe('work queue', () => {
  it('hands a key to one worker at a time and queues a re-add until done', async () => {
    const q = new WorkQueue(new FakeClock());
    q.add('a');
    q.add('a');
    expect(q.length).toBe(1);
    const k = await q.get();
    q.add('a');
    expect(q.length).toBe(0);
    q.done(k!);
    expect(q.length).toBe(1);
  });

  it('backs off failures exponentially and forgets on success', async () => {
    const clock = new FakeClock();
    const q = new WorkQueue(clock);
    q.addRateLimited('a');
    q.addRateLimited('a');
    expect(q.numRequeues('a')).toBe(2);
    clock.advance(4);
    expect(q.length).toBe(0);
    clock.advance(10);
    expect(q.length).toBe(1);
    q.forget('a');
    expect(q.numRequeues('a')).toBe(0);
  });

  it('wakes a waiting worker and ends workers on shutdown', async () => {
    const q = new WorkQueue(new FakeClock());
    const waiting = q.get();
    q.add('x');
    expect(await waiting).toBe('x');
    const ended = q.get();
    q.shutDown();
    expect(await ended).toBeUndefined();
  });
});

describe('informer', () => {
  it('lists, then follows writes, and reports deletes', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.pods, pod('a'));
    const inf = ctx.informers.for(REFS.pods);
    const seen: string[] = [];
    inf.on({ add: (o) => seen.push(`add ${o.metadata.name}`), update: (_o, n) => seen.push(`update ${n.metadata.name}`), delete: (o) => seen.push(`delete ${o.metadata.name}`) });
    await ctx.informers.start();
    await fake.create(REFS.pods, 'default', pod('b'));
    await fake.patch(REFS.pods, 'default', 'a', 'application/merge-patch+json', { metadata: { labels: { x: 'y' } } });
    await fake.delete(REFS.pods, 'default', 'b');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['add a', 'add b', 'update a', 'delete b']);
    expect(inf.getBy('default', 'a')?.metadata.labels).toEqual({ x: 'y' });
    expect(inf.list('default').map((o) => o.metadata.name)).toEqual(['a']);
    ctx.informers.stop();
  });
});

describe('event recorder', () => {
  it('writes a core Event and bumps count on a repeat', async () => {
    const { fake, ctx, clock } = fakeEnv();
    const p = { ...pod('web'), metadata: { name: 'web', namespace: 'default', uid: 'u1' } };
    ctx.recorder.event(p, 'Normal', 'Scheduled', 'hello');
    clock.advance(1000);
    ctx.recorder.event(p, 'Normal', 'Scheduled', 'hello');
    await ctx.recorder.flush();
    const evs = fake.all(REFS.events, 'default');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ reason: 'Scheduled', count: 2, source: { component: 'test-controller' }, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:01Z', involvedObject: { kind: 'Pod', name: 'web', uid: 'u1' } });
  });
});

describe('durationMs', () => {
  it('reads Go durations', () => {
    expect(durationMs('40s', 0)).toBe(40_000);
    expect(durationMs('5m0s', 0)).toBe(300_000);
    expect(durationMs('1h30m', 0)).toBe(5_400_000);
    expect(durationMs('bogus', 7)).toBe(7);
  });
});

describe('informer type meta', () => {
  it('fills apiVersion and kind on listed items that lack them', async () => {
    const { fake, ctx } = fakeEnv();
    fake.seed(REFS.deployments, { metadata: { name: 'web', namespace: 'default' } });
    const inf = ctx.informers.for(REFS.deployments);
    await ctx.informers.start();
    expect(inf.getBy('default', 'web')).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
    ctx.informers.stop();
  });
});
