import { describe, expect, it } from 'vitest';
import { REFS } from '../client/refs.js';
import type { Obj } from '../client/types.js';
import { makeNode, makePod, schedulerEnv } from './testing.js';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

const bindings = (fake: ReturnType<typeof schedulerEnv>['fake']) =>
  fake.actions.filter((a) => a.subresource === 'binding').map((a) => `${a.name}->${(a.object as unknown as { target: { name: string } }).target.name}`);

const events = (fake: ReturnType<typeof schedulerEnv>['fake']) =>
  fake.all(REFS.eventsV1).map((e) => e as Obj & { reason: string; note: string; type: string; action: string; reportingController: string });

describe('Scheduler.scheduleOne', () => {
  it('binds back-to-back pods across nodes without overcommitting (assume cache)', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1', { cpu: '1' }), makeNode('n2', { cpu: '1' }));
    env.fake.seed(REFS.pods, makePod('a', { cpu: '600m' }), makePod('b', { cpu: '600m' }), makePod('c', { cpu: '600m' }));
    await env.ctx.informers.start();
    const s = env.scheduler;
    expect(await s.scheduleOne(makePod('a'))).toBe('bound');
    expect(await s.scheduleOne(makePod('b'))).toBe('bound');
    expect(await s.scheduleOne(makePod('c'))).toBe('unschedulable');
    const b = bindings(env.fake);
    expect(b).toHaveLength(2);
    expect(new Set(b.map((x) => x.split('->')[1]))).toEqual(new Set(['n1', 'n2']));
    expect(env.fake.actions.find((a) => a.subresource === 'binding')?.object).toMatchObject({ apiVersion: 'v1', kind: 'Binding', metadata: { name: 'a', namespace: 'default' }, target: { apiVersion: 'v1', kind: 'Node' } });
    await env.ctx.recorder.flush();
    const scheduled = events(env.fake).filter((e) => e.reason === 'Scheduled');
    expect(scheduled).toHaveLength(2);
    expect(scheduled[0]).toMatchObject({ type: 'Normal', action: 'Binding', reportingController: 'default-scheduler', regarding: { kind: 'Pod', name: 'a' } });
    expect(scheduled[0]!.note).toMatch(/^Successfully assigned default\/a to n[12]$/);
    env.ctx.informers.stop();
  });

  it('reports a tainted control plane and full workers with upstream wording', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('cp', { taints: [CP_TAINT] }), makeNode('w1', { cpu: '1' }), makeNode('w2', { cpu: '1' }));
    env.fake.seed(REFS.pods, makePod('big', { cpu: '2' }));
    await env.ctx.informers.start();
    expect(await env.scheduler.scheduleOne(makePod('big'))).toBe('unschedulable');
    await env.ctx.recorder.flush();
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. '
      + 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    const failed = events(env.fake).find((e) => e.reason === 'FailedScheduling');
    expect(failed).toMatchObject({ type: 'Warning', action: 'Scheduling', note: msg, reportingController: 'default-scheduler' });
    const pod = env.fake.peek(REFS.pods, 'default', 'big');
    expect((pod?.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'Unschedulable', message: msg },
    ]);
    expect(env.fake.actions.find((a) => a.verb === 'patch')).toMatchObject({ subresource: 'status', name: 'big' });
    env.ctx.informers.stop();
  });

  it('says preemption found no victims when lower-priority pods are absent', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('cp', { taints: [CP_TAINT] }), makeNode('w1', { cpu: '1' }), makeNode('w2', { cpu: '1' }));
    env.fake.seed(REFS.pods, makePod('x1', { cpu: '800m', nodeName: 'w1', priority: 10 }), makePod('x2', { cpu: '800m', nodeName: 'w2', priority: 10 }), makePod('p', { cpu: '500m' }));
    await env.ctx.informers.start();
    expect(await env.scheduler.scheduleOne(makePod('p'))).toBe('unschedulable');
    await env.ctx.recorder.flush();
    expect(events(env.fake).find((e) => e.reason === 'FailedScheduling')?.note).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. '
      + 'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    env.ctx.informers.stop();
  });

  it('leaves pods of another scheduler, bound pods and deleting pods alone', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1'));
    const other = makePod('other', { spec: { schedulerName: 'my-scheduler' } });
    const bound = makePod('bound', { nodeName: 'n1' });
    const gated = makePod('gated', { spec: { schedulingGates: [{ name: 'wait' }] } });
    env.fake.seed(REFS.pods, other, bound, gated);
    await env.ctx.informers.start();
    for (const p of [other, bound, gated]) expect(await env.scheduler.scheduleOne(p)).toBe('skipped');
    expect(env.scheduler.queue.stats()).toMatchObject({ active: 0, gated: 1 });
    expect(env.fake.actions).toEqual([]);
    env.ctx.informers.stop();
  });

  it('preempts the lowest-priority pod, nominates the node and binds the preemptor after the victim goes', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1', { cpu: '1' }));
    env.fake.seed(REFS.pods, makePod('low', { cpu: '800m', nodeName: 'n1', priority: 1 }), makePod('high', { cpu: '800m', priority: 1000 }));
    await env.ctx.informers.start();
    expect(await env.scheduler.scheduleOne(makePod('high'))).toBe('unschedulable');
    await env.ctx.recorder.flush();
    expect(env.fake.peek(REFS.pods, 'default', 'low')).toBeUndefined();
    const high = env.fake.peek(REFS.pods, 'default', 'high')!;
    expect((high.status as { nominatedNodeName?: string }).nominatedNodeName).toBe('n1');
    const preempted = events(env.fake).find((e) => e.reason === 'Preempted');
    expect(preempted).toMatchObject({ type: 'Normal', action: 'Preempting', note: `Preempted by pod ${high.metadata.uid} on node n1`, regarding: { name: 'low' } });
    expect(events(env.fake).find((e) => e.reason === 'FailedScheduling')?.note).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    const disruption = env.fake.actions.find((a) => a.verb === 'patch' && a.name === 'low');
    expect(JSON.stringify(disruption?.object)).toContain('"reason":"PreemptionByScheduler"');
    // The freed room is held for the nominated pod: a lower-priority pod may not take it.
    await env.fake.create(REFS.pods, 'default', makePod('mid', { cpu: '800m', priority: 500 }));
    expect(await env.scheduler.scheduleOne(makePod('mid'))).toBe('unschedulable');
    expect(await env.scheduler.scheduleOne(high)).toBe('bound');
    expect(bindings(env.fake)).toEqual(['high->n1']);
    env.ctx.informers.stop();
  });

  it('does not preempt for a pod with preemptionPolicy Never', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1', { cpu: '1' }));
    env.fake.seed(REFS.pods, makePod('low', { cpu: '800m', nodeName: 'n1', priority: 1 }), makePod('high', { cpu: '800m', priority: 1000, spec: { preemptionPolicy: 'Never' } }));
    await env.ctx.informers.start();
    expect(await env.scheduler.scheduleOne(makePod('high'))).toBe('unschedulable');
    await env.ctx.recorder.flush();
    expect(env.fake.peek(REFS.pods, 'default', 'low')).toBeDefined();
    expect(events(env.fake).find((e) => e.reason === 'FailedScheduling')?.note).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
    env.ctx.informers.stop();
  });

  it('annotates a WaitForFirstConsumer claim with the selected node before binding', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1'));
    env.fake.seed(REFS.storageclasses, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
    env.fake.seed(REFS.persistentvolumeclaims, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: 'local', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    const pod = makePod('db', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
    env.fake.seed(REFS.pods, pod);
    await env.ctx.informers.start();
    expect(await env.scheduler.scheduleOne(pod)).toBe('bound');
    const writes = env.fake.actions.map((a) => `${a.verb} ${a.resource}${a.subresource ? '/' + a.subresource : ''}`);
    expect(writes.indexOf('update persistentvolumeclaims')).toBeLessThan(writes.indexOf('create pods/binding'));
    expect(env.fake.peek(REFS.persistentvolumeclaims, 'default', 'data')?.metadata.annotations).toEqual({ 'volume.kubernetes.io/selected-node': 'n1' });
    env.ctx.informers.stop();
  });

  it('rejects a pod whose Immediate claim is unbound', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1'));
    env.fake.seed(REFS.persistentvolumeclaims, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: '' } });
    const pod = makePod('db', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
    env.fake.seed(REFS.pods, pod);
    await env.ctx.informers.start();
    expect(await env.scheduler.scheduleOne(pod)).toBe('unschedulable');
    await env.ctx.recorder.flush();
    expect(events(env.fake).find((e) => e.reason === 'FailedScheduling')?.note).toBe(
      '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
    env.ctx.informers.stop();
  });
});

describe('Scheduler.run', () => {
  it('schedules the queue by priority, retries unschedulable pods when a node arrives, and stops', async () => {
    const env = schedulerEnv();
    env.fake.seed(REFS.nodes, makeNode('n1', { cpu: '1' }));
    env.fake.seed(REFS.pods, makePod('low', { cpu: '800m', priority: 1 }), makePod('high', { cpu: '800m', priority: 100, spec: { preemptionPolicy: 'Never' } }));
    const done = env.scheduler.run();
    const settle = async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };
    await settle();
    expect(bindings(env.fake)).toEqual(['high->n1']);
    // high's binding landed during low's attempt, so low backs off (1 s) before it waits for events.
    expect(env.scheduler.queue.stats()).toMatchObject({ backoff: 1, unschedulable: 0 });
    env.clock.advance(1000);
    await settle();
    expect(env.scheduler.queue.stats()).toMatchObject({ backoff: 0, unschedulable: 1 });
    env.clock.advance(60_000);
    await settle();
    expect(env.scheduler.queue.stats().unschedulable).toBe(1);
    await env.fake.create(REFS.nodes, '', makeNode('n2', { cpu: '1' }));
    await settle();
    expect(bindings(env.fake)).toEqual(['high->n1', 'low->n2']);
    env.scheduler.stop();
    await done;
    env.ctx.informers.stop();
  });
});
