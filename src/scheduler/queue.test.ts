import { describe, expect, it } from 'vitest';
import { FakeClock } from '../controllers/framework/testing.js';
import { makePod } from './testing.js';
import { SchedulingQueue } from './queue.js';

const newQueue = () => {
  const clock = new FakeClock();
  return { clock, q: new SchedulingQueue({ now: clock.now, timers: clock }) };
};

describe('SchedulingQueue', () => {
  it('pops by priority, then by the time pods entered the queue', async () => {
    const { clock, q } = newQueue();
    q.add(makePod('a', { priority: 1 }));
    clock.advance(10);
    q.add(makePod('b', { priority: 5 }));
    q.add(makePod('c', { priority: 1 }));
    q.add(makePod('d'));
    const order: string[] = [];
    for (let p = q.tryPop(); p; p = q.tryPop()) order.push(p.pi.name);
    expect(order).toEqual(['b', 'a', 'c', 'd']);
  });

  const backoffCases = [[0, 0], [1, 1000], [2, 2000], [3, 4000], [4, 8000], [5, 10_000], [20, 10_000]] as const;
  for (const [attempts, ms] of backoffCases) {
    it(`backs off ${ms} ms after ${attempts} attempts`, () => expect(newQueue().q.backoffMs(attempts)).toBe(ms));
  }

  it('keeps unschedulable pods until an event for a plugin that rejected them', () => {
    const { q } = newQueue();
    q.add(makePod('a'));
    const a = q.tryPop()!;
    a.unschedulablePlugins = new Set(['NodeResourcesFit']);
    q.addUnschedulable(a, q.schedulingCycle);
    expect(q.stats()).toMatchObject({ unschedulable: 1 });
    q.onEvent({ label: 'AssignedPodAdd', plugins: new Set(['InterPodAffinity']) });
    expect(q.stats()).toMatchObject({ unschedulable: 1 });
    q.onEvent({ label: 'AssignedPodDelete', plugins: new Set(['NodeResourcesFit']) });
    expect(q.stats()).toMatchObject({ unschedulable: 0, backoff: 1 });
  });

  it('sends a pod to backoffQ when the cluster changed during its attempt', () => {
    const { q } = newQueue();
    q.add(makePod('a'));
    const a = q.tryPop()!;
    const cycle = q.schedulingCycle;
    q.onEvent({ label: 'NodeAdd', plugins: 'all' });
    a.unschedulablePlugins = new Set(['NodeResourcesFit']);
    q.addUnschedulable(a, cycle);
    expect(q.stats()).toMatchObject({ unschedulable: 0, backoff: 1 });
  });

  it('moves backed-off pods to activeQ on the 1 s flush and leftovers after 5 minutes', () => {
    const { clock, q } = newQueue();
    q.run();
    q.add(makePod('a'));
    q.add(makePod('b'));
    const a = q.tryPop()!;
    const b = q.tryPop()!;
    q.addUnschedulable(a, q.schedulingCycle);
    b.unschedulablePlugins = new Set(['TaintToleration']);
    q.addUnschedulable(b, q.schedulingCycle);
    expect(q.stats()).toMatchObject({ backoff: 1, unschedulable: 1 });
    clock.advance(1000);
    expect(q.stats()).toMatchObject({ active: 1, backoff: 0, unschedulable: 1 });
    clock.advance(5 * 60_000 + 30_000);
    expect(q.stats()).toMatchObject({ active: 2, unschedulable: 0 });
    q.close();
  });

  it('holds gated pods until their gates are removed', () => {
    const { q } = newQueue();
    const gated = makePod('g', { spec: { schedulingGates: [{ name: 'x' }] } });
    q.add(gated);
    expect(q.tryPop()).toBeUndefined();
    q.update(gated, makePod('g'));
    expect(q.tryPop()?.pi.name).toBe('g');
  });

  it('requeues an unschedulable pod whose spec changed, not one whose status did', () => {
    const { q } = newQueue();
    const pod = makePod('a');
    q.add(pod);
    const a = q.tryPop()!;
    a.unschedulablePlugins = new Set(['NodeAffinity']);
    q.addUnschedulable(a, q.schedulingCycle);
    q.update(pod, { ...pod, status: { conditions: [] } });
    expect(q.stats().unschedulable).toBe(1);
    q.update(pod, makePod('a', { spec: { nodeSelector: { x: 'y' } } }));
    expect(q.stats()).toMatchObject({ unschedulable: 0, backoff: 1 });
  });

  it('wakes a waiting pop and ends it on close', async () => {
    const { q } = newQueue();
    const waiting = q.pop();
    q.add(makePod('a'));
    expect((await waiting)?.pi.name).toBe('a');
    const ended = q.pop();
    q.close();
    expect(await ended).toBeUndefined();
  });
});
