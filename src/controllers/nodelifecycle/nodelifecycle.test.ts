import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { NodeLifecycleController } from './nodelifecycle.js';
import { TaintEvictionController, evictionDelay } from './taint-eviction.js';
import type { NodeObj, PodObj } from './types.js';

const T0 = '2026-01-01T00:00:00Z';
const node = (name: string, extra: Partial<NodeObj['spec']> = {}): NodeObj => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { ...extra },
  status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: T0, lastTransitionTime: T0, reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
});
const pod = (name: string, nodeName: string, tolerations: PodObj['spec'] extends infer S ? S extends { tolerations?: infer T } ? T : never : never = []): PodObj => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, tolerations },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('node lifecycle', () => {
  it('marks a silent node Unknown after the grace period, taints it and its pods not ready', async () => {
    const { fake, ctx, clock } = fakeEnv({ 'node-monitor-grace-period': '40s' });
    fake.seed(REFS.nodes, node('node01'));
    fake.seed(REFS.pods, pod('web', 'node01'));
    const c = new NodeLifecycleController(ctx);
    await ctx.informers.start();
    expect(await c.reconcile('node01')).toEqual({ requeueAfter: 5000 });
    expect(fake.actions).toEqual([]);
    clock.advance(41_000);
    await c.reconcile('node01');
    await ctx.recorder.flush();
    const n = fake.peek<NodeObj>(REFS.nodes, '', 'node01')!;
    expect(n.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: T0, lastTransitionTime: '2026-01-01T00:00:41Z' });
    expect(n.status?.conditions?.map((x) => x.type)).toEqual(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']);
    expect(n.spec?.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:41Z' },
    ]);
    expect(fake.peek<PodObj>(REFS.pods, 'default', 'web')?.status?.conditions?.[0]?.status).toBe('False');
    expect(fake.all(REFS.events).map((e) => (e as { reason?: string }).reason).sort()).toEqual(['NodeNotReady', 'NodeNotReady']);
  });

  it('keeps a node whose lease is renewed, and taints a cordoned one unschedulable', async () => {
    const { fake, ctx, clock } = fakeEnv();
    fake.seed(REFS.nodes, node('node02', { unschedulable: true }));
    fake.seed(REFS.leases, { metadata: { name: 'node02', namespace: 'kube-node-lease' }, spec: { renewTime: '2026-01-01T00:00:00.000000Z' } });
    const c = new NodeLifecycleController(ctx);
    await ctx.informers.start();
    await c.reconcile('node02');
    clock.advance(30_000);
    await fake.patch(REFS.leases, 'kube-node-lease', 'node02', 'application/merge-patch+json', { spec: { renewTime: '2026-01-01T00:00:30.000000Z' } });
    await new Promise((r) => setImmediate(r));
    await c.reconcile('node02');
    clock.advance(30_000);
    await c.reconcile('node02');
    const n = fake.peek<NodeObj>(REFS.nodes, '', 'node02')!;
    expect(n.status?.conditions?.[0]?.status).toBe('True');
    expect(n.spec?.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
  });
});

describe('taint eviction', () => {
  it('computes the delay from the tolerations', () => {
    const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
    expect(evictionDelay([], [taint])).toBe(0);
    expect(evictionDelay([{ key: taint.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], [taint])).toBe(300_000);
    expect(evictionDelay([{ operator: 'Exists' }], [taint])).toBeUndefined();
  });

  it('evicts a pod when its toleration runs out', async () => {
    const { fake, ctx, clock } = fakeEnv();
    fake.seed(REFS.nodes, { ...node('node01'), spec: { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: T0 }] } });
    fake.seed(REFS.pods, pod('web', 'node01', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]));
    fake.seed(REFS.pods, pod('bare', 'node01'));
    const c = new TaintEvictionController(ctx);
    await ctx.informers.start();
    expect(await c.reconcile('default/web')).toEqual({ requeueAfter: 300_000 });
    await c.reconcile('default/bare');
    expect(fake.peek(REFS.pods, 'default', 'bare')).toBeUndefined();
    clock.advance(300_000);
    await c.reconcile('default/web');
    expect(fake.peek(REFS.pods, 'default', 'web')).toBeUndefined();
    const status = fake.actions.find((a) => a.subresource === 'status' && a.name === 'web')?.object as PodObj;
    expect(status.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ reason: 'DeletionByTaintManager' });
  });
});
