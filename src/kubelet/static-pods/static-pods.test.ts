import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { fakeEnv } from '../../controllers/framework/testing.js';
import { startKubelet, type RunningKubelet } from '../kubelet.js';
import type { Pod } from '../pod-spec.js';
import { settleUntil, tick } from '../testing.js';
import type { ComponentRun } from './types.js';

const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.49.3' }] } };
const WEB = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.31\n';
const SCHED = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-scheduler\n  namespace: kube-system\nspec:\n  hostNetwork: true\n  priorityClassName: system-node-critical\n  containers:\n  - name: kube-scheduler\n    image: registry.k8s.io/kube-scheduler:v1.32.4\n    command: [kube-scheduler, --kubeconfig=/etc/kubernetes/scheduler.conf]\n';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function boot(host?: (name: string) => ComponentRun | undefined) {
  const env = fakeEnv();
  env.fake.seed(REFS.nodes, NODE);
  const root = mkdtempSync(join(tmpdir(), 'static-pods-'));
  const dir = join(root, 'etc/kubernetes/manifests');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(root, 'var/lib/kubelet'), { recursive: true });
  writeFileSync(join(root, 'var/lib/kubelet/config.yaml'), 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstaticPodPath: /etc/kubernetes/manifests\n');
  const k: RunningKubelet = startKubelet({
    node: 'node01', client: env.fake, now: env.clock.now, timers: env.clock, log: (m) => env.logs.push(m), root,
    preloadImages: ['registry.k8s.io/pause:3.10', 'registry.k8s.io/kube-scheduler:v1.32.4'], ...(host ? { staticPods: { status: host } } : {}),
  });
  cleanup.push(async () => {
    await k.stop();
    rmSync(root, { recursive: true, force: true });
  });
  const pod = (ns: string, name: string) => env.fake.peek<Pod>(REFS.pods, ns, name);
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 40 && !done(); i++) await tick(env.clock, 500);
    await settleUntil(done, 1000);
  };
  return { ...env, k, root, dir, pod, write, until };
}

const ann = (p: Pod | undefined) => p?.metadata.annotations ?? {};

describe('kubelet static pods', () => {
  it('runs a manifest dropped in the manifests folder and mirrors it in the API', async () => {
    const t = await boot();
    t.write('web.yaml', WEB);
    await t.until(() => t.pod('default', 'web-node01')?.status?.phase === 'Running');
    const p = t.pod('default', 'web-node01')!;
    const hash = ann(p)['kubernetes.io/config.hash'];
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(ann(p)).toMatchObject({ 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.source': 'file' });
    expect(ann(p)['kubernetes.io/config.seen']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(p.metadata.uid).not.toBe(hash);
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node01', uid: t.fake.peek(REFS.nodes, '', 'node01')?.metadata.uid, controller: true }]);
    expect(p.spec).toMatchObject({ nodeName: 'node01', tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] });
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ name: 'nginx', ready: true, restartCount: 0 });
    const sandboxes = [...t.k.runtime!.sandboxes.values()].filter((s) => s.uid === hash);
    expect(sandboxes.map((s) => s.name)).toEqual(['web-node01']);
    expect([...t.k.runtime!.containers.values()].filter((c) => c.labels['io.kubernetes.pod.uid'] === hash).map((c) => c.name)).toEqual(['nginx']);
  });

  it('re-creates a deleted mirror pod without restarting the static pod', async () => {
    const t = await boot();
    t.write('web.yaml', WEB);
    await t.until(() => t.pod('default', 'web-node01')?.status?.phase === 'Running');
    const before = t.pod('default', 'web-node01')!;
    await t.fake.delete(REFS.pods, 'default', 'web-node01', { gracePeriodSeconds: 0 });
    await t.until(() => Boolean(t.pod('default', 'web-node01')?.status?.containerStatuses?.[0]?.ready));
    const after = t.pod('default', 'web-node01')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status?.containerStatuses?.[0]?.containerID).toBe(before.status?.containerStatuses?.[0]?.containerID);
  });

  it('recreates the pod when its manifest changes and deletes it when the manifest goes', async () => {
    const t = await boot();
    t.write('web.yaml', WEB);
    await t.until(() => t.pod('default', 'web-node01')?.status?.phase === 'Running');
    const oldHash = ann(t.pod('default', 'web-node01'))['kubernetes.io/config.hash'];
    t.write('web.yaml', WEB.replace('nginx:1.31', 'nginx:1.27'));
    await t.until(() => t.pod('default', 'web-node01')?.spec !== undefined && ann(t.pod('default', 'web-node01'))['kubernetes.io/config.hash'] !== oldHash && t.pod('default', 'web-node01')?.status?.phase === 'Running');
    expect((t.pod('default', 'web-node01')!.spec as { containers: { image: string }[] }).containers[0]!.image).toBe('nginx:1.27');
    unlinkSync(join(t.dir, 'web.yaml'));
    await t.until(() => !t.pod('default', 'web-node01'));
    expect(t.pod('default', 'web-node01')).toBeUndefined();
    await t.until(() => ![...t.k.runtime!.sandboxes.values()].some((s) => s.name === 'web-node01'));
    expect([...t.k.runtime!.sandboxes.values()].some((s) => s.name === 'web-node01')).toBe(false);
  });

  it('skips a manifest that does not parse, with the file source\'s log line', async () => {
    const t = await boot();
    t.write('bad.yaml', 'apiVersion: v2\nkind: Pod\nmetadata:\n  name: bad\n');
    await tick(t.clock, 2000);
    expect(t.logs.filter((l) => l.includes('"Could not process manifest file"'))).toEqual([
      'kubelet node01: file.go:187] "Could not process manifest file" err="/etc/kubernetes/manifests/bad.yaml: couldn\'t parse as pod(no kind \\"Pod\\" is registered for version \\"v2\\" in scheme \\"pkg/api/legacyscheme/scheme.go:30\\"), please check config file" path="/etc/kubernetes/manifests/bad.yaml"',
    ]);
    expect(t.fake.all(REFS.pods, '').length).toBe(0);
  });

  it('logs a mirror pod it cannot create once, and keeps the others', async () => {
    const t = await boot();
    t.write('a.yaml', WEB.replace('name: web', 'name: lost\n  namespace: nowhere'));
    t.write('b.yaml', WEB);
    const create = t.fake.create.bind(t.fake);
    t.fake.create = (async (ref, ns, obj, opts) => {
      if (ns === 'nowhere') throw new Error('namespaces "nowhere" not found');
      return create(ref, ns, obj, opts);
    }) as typeof t.fake.create;
    await t.until(() => t.pod('default', 'web-node01')?.status?.phase === 'Running');
    await tick(t.clock, 3000);
    expect(t.logs.filter((l) => l.includes('Failed creating a mirror pod'))).toEqual(['kubelet node01: "Failed creating a mirror pod" err="namespaces \\"nowhere\\" not found" pod="nowhere/lost-node01"']);
  });

  it.each<[string, ComponentRun, Record<string, unknown>]>([
    ['running', { state: 'running', attempts: 1, startedAt: 1000 }, { ready: true, restartCount: 0, started: true }],
    ['crashing', { state: 'crashed', attempts: 3, backoffMs: 20_000, lastExit: { exitCode: 1, startedAt: 5000, finishedAt: 5000 } }, { ready: false, restartCount: 2 }],
  ])('shows the host\'s %s component in its mirror pod and the runtime', async (_n, run, want) => {
    const t = await boot((name) => (name === 'kube-scheduler' ? run : undefined));
    t.write('kube-scheduler.yaml', SCHED);
    await t.until(() => Boolean(t.pod('kube-system', 'kube-scheduler-node01')?.status?.containerStatuses));
    const s = t.pod('kube-system', 'kube-scheduler-node01')!.status!;
    expect(s.containerStatuses?.[0]).toMatchObject({ name: 'kube-scheduler', image: 'registry.k8s.io/kube-scheduler:v1.32.4', ...want });
    expect(s.podIP).toBe('192.168.49.3');
    if (run.state === 'crashed') {
      expect(s.containerStatuses?.[0]?.state?.waiting).toMatchObject({ reason: 'CrashLoopBackOff', message: expect.stringMatching(/^back-off 20s restarting failed container=kube-scheduler pod=kube-scheduler-node01_kube-system\([0-9a-f]{32}\)$/) });
      expect(s.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    } else expect(s.phase).toBe('Running');
    const runs = [...t.k.runtime!.containers.values()].filter((c) => c.name === 'kube-scheduler');
    expect(runs.map((c) => c.state)).toEqual(run.state === 'running' ? ['CONTAINER_RUNNING'] : ['CONTAINER_EXITED']);
  });
});
