import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../client/refs.js';
import { boot, podOf, shutdown } from './test-cluster.js';
import { tick, tickUntil } from './testing.js';

afterEach(shutdown);

const NGINX = { containers: [{ name: 'nginx', image: 'nginx' }] };
const runtimeClass = (name: string, handler: string) => ({ apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name }, handler });

describe('kubelet and RuntimeClass', () => {
  it('runs a pod whose class names a handler the node has, and records it on the sandbox', async () => {
    const t = await boot();
    t.fake.seed(REFS.runtimeclasses, runtimeClass('standard', 'runc'));
    t.fake.seed(REFS.pods, podOf('web', { runtimeClassName: 'standard', ...NGINX }));
    await tickUntil(t.clock, 1000, () => t.pod('web')?.status?.phase === 'Running');
    expect(t.pod('web')?.status?.phase).toBe('Running');
    const sandboxes = [...(t.kubelet().runtime?.sandboxes.values() ?? [])].filter((s) => s.name === 'web');
    expect(sandboxes.map((s) => s.runtimeHandler)).toEqual(['runc']);
  });

  it('keeps the handler on the sandbox it recovers after a restart', async () => {
    const t = await boot();
    t.fake.seed(REFS.runtimeclasses, runtimeClass('standard', 'runc'));
    t.fake.seed(REFS.pods, podOf('web', { runtimeClassName: 'standard', ...NGINX }));
    await tickUntil(t.clock, 1000, () => t.pod('web')?.status?.phase === 'Running');
    await t.restart();
    await tickUntil(t.clock, 1000, () => [...(t.kubelet().runtime?.sandboxes.values() ?? [])].some((s) => s.name === 'web' && s.runtimeHandler === 'runc'));
    const sandboxes = [...(t.kubelet().runtime?.sandboxes.values() ?? [])].filter((s) => s.name === 'web');
    expect(sandboxes.map((s) => s.runtimeHandler)).toEqual(['runc']);
  });

  it('cannot make a sandbox for a handler containerd has no runtime for: ContainerCreating, FailedCreatePodSandBox, retried', async () => {
    const t = await boot();
    t.fake.seed(REFS.runtimeclasses, runtimeClass('gvisor', 'runsc'));
    t.fake.seed(REFS.pods, podOf('sandboxed', { runtimeClassName: 'gvisor', ...NGINX }));
    await tickUntil(t.clock, 1000, () => t.events().length > 0);
    const p = t.pod('sandboxed')!;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.podIP).toBeUndefined();
    expect(p.status?.startTime).toBeDefined();
    expect(p.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    expect(t.status('sandboxed')?.state?.waiting?.reason).toBe('ContainerCreating');
    const [e] = t.events();
    expect(e).toMatchObject({ type: 'Warning', reason: 'FailedCreatePodSandBox' });
    expect(e!.message).toMatch(/^Failed to create pod sandbox: rpc error: code = Unknown desc = unable to get OCI runtime for sandbox "[0-9a-f]{64}": no runtime for "runsc" is configured$/);
    const tries = () => t.events().reduce((n, ev) => n + (ev.count ?? 1), 0);
    await tick(t.clock, 10_000);
    expect(tries()).toBe(2);
    expect([...(t.kubelet().runtime?.sandboxes.values() ?? [])].filter((s) => s.name === 'sandboxed')).toEqual([]);
  });

  it('reports a RuntimeClass that is gone by the time the pod reaches the node', async () => {
    const t = await boot(podOf('orphan', { runtimeClassName: 'kata', ...NGINX }));
    await tickUntil(t.clock, 1000, () => t.events().length > 0);
    expect(t.events().map((e) => e.message)).toEqual(['Failed to create pod sandbox: runtimeclass.node.k8s.io "kata" not found']);
    expect(t.status('orphan')?.state?.waiting?.reason).toBe('ContainerCreating');
  });
});
