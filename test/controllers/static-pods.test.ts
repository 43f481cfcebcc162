// Static pods through a real daemon and the real kubectl: the control-plane node's kubelet keeps
// a mirror pod per manifest in /etc/kubernetes/manifests showing the components' real state;
// crictl on the node lists their containers; a static pod dropped on node01 runs there.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually, hasRealKubectl, run, useCluster } from '../support/cluster.js';

const ROOT = resolve(import.meta.dirname, '../..');
const c = useCluster();

const nodeRoot = (node: string) => join(c.env.KUBEDOJO_HOME!, c.name, 'nodes', node);
const manifests = (node = 'controlplane') => join(nodeRoot(node), 'etc/kubernetes/manifests');
const daemonLog = () => readFileSync(join(c.env.KUBEDOJO_HOME!, c.name, 'daemon.log'), 'utf8');
const crictl = (node: string, args: string[]) => run(process.execPath, [join(ROOT, 'bin/crictl'), ...args], { ...c.env, KUBEDOJO_NODE_ROOT: nodeRoot(node) });
const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];
const MIRRORS = COMPONENTS.map((n) => `${n}-controlplane`);
const row = (name: string, rest: string) => new RegExp(`^${name}\\s+${rest}`, 'm');
const NGINX = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\n  labels:\n    role: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n';

describe.skipIf(!hasRealKubectl)('static pods through the daemon', () => {
  it('mirrors the control-plane components in kube-system, Running and Ready', async () => {
    const out = await eventually(c, ['get', 'pods', '-n', 'kube-system'], (o) => MIRRORS.every((m) => row(m, '1/1\\s+Running\\s+0').test(o)), 30_000);
    for (const m of MIRRORS) expect(out).toMatch(row(m, '1/1\\s+Running\\s+0\\s+'));
    const nodeUid = (await c.kubectl(['get', 'node', 'controlplane', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    const pod = JSON.parse((await c.kubectl(['get', 'pod', '-n', 'kube-system', 'kube-scheduler-controlplane', '-o', 'json'])).stdout) as {
      metadata: { uid: string; annotations: Record<string, string>; ownerReferences: unknown[]; labels: Record<string, string> };
      spec: { nodeName: string; priority: number; priorityClassName: string; tolerations: unknown[]; hostNetwork: boolean };
      status: { phase: string; podIP: string; containerStatuses: { name: string; ready: boolean; started: boolean; containerID: string; image: string }[] };
    };
    const a = pod.metadata.annotations;
    expect(a['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(a['kubernetes.io/config.mirror']).toBe(a['kubernetes.io/config.hash']);
    expect(a['kubernetes.io/config.source']).toBe('file');
    expect(a['kubernetes.io/config.seen']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(pod.metadata.labels).toMatchObject({ component: 'kube-scheduler', tier: 'control-plane' });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'controlplane', uid: nodeUid, controller: true }]);
    expect(pod.spec).toMatchObject({ nodeName: 'controlplane', priority: 2000001000, priorityClassName: 'system-node-critical', hostNetwork: true });
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    expect(pod.status.containerStatuses[0]).toMatchObject({ name: 'kube-scheduler', ready: true, started: true });
    expect(pod.status.containerStatuses[0]!.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
  });

  it('reports the node\'s images in its status, largest first', async () => {
    const out = await eventually(c, ['get', 'node', 'controlplane', '-o', 'jsonpath={range .status.images[*]}{.sizeBytes} {.names[*]}{"\\n"}{end}'], (o) => o.includes('kube-apiserver:v1.32.4'), 30_000);
    const rows = out.trim().split('\n').map((l) => l.split(' '));
    expect(rows.find((r) => r.includes('registry.k8s.io/kube-apiserver:v1.32.4'))?.[1]).toMatch(/^registry\.k8s\.io\/kube-apiserver@sha256:[0-9a-f]{64}$/);
    const sizes = rows.map((r) => Number(r[0]));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('lists the components\' containers in crictl ps on the control-plane node', async () => {
    const ps = await crictl('controlplane', ['ps']);
    expect(ps.stderr).toBe('');
    for (const n of COMPONENTS) expect(ps.stdout).toMatch(new RegExp(`\\sRunning\\s+${n}\\s+0\\s+[0-9a-f]{13}\\s+${n}-controlplane\\s+kube-system`));
    const id = (await c.kubectl(['get', 'pod', '-n', 'kube-system', 'etcd-controlplane', '-o', 'jsonpath={.status.containerStatuses[0].containerID}'])).stdout.replace('containerd://', '');
    expect((await crictl('controlplane', ['ps', '-q'])).stdout.split('\n')).toContain(id);
  });

  it('shows what the components print in kubectl logs and crictl logs', async () => {
    const klog = (site: string, msg: string) => new RegExp(`^I\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6}       1 ${site.replace('.', '\\.')}\\] ${msg}$`, 'm');
    const sched = await eventually(c, ['logs', '-n', 'kube-system', 'kube-scheduler-controlplane'], (o) => o.includes('successfully acquired lease'), 30_000);
    expect(sched).toMatch(klog('serving.go:386', 'Generated self-signed cert in-memory'));
    expect(sched).toMatch(klog('server.go:166', '"Starting Kubernetes Scheduler" version="v1\\.32\\.4"'));
    expect(sched).toMatch(klog('secure_serving.go:213', 'Serving securely on 127\\.0\\.0\\.1:10259'));
    expect(sched).toMatch(klog('leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-scheduler\\.\\.\\.'));
    expect(sched).toMatch(klog('leaderelection.go:271', 'successfully acquired lease kube-system/kube-scheduler'));
    const kcm = (await c.kubectl(['logs', '-n', 'kube-system', 'kube-controller-manager-controlplane'])).stdout;
    expect(kcm).toMatch(klog('dynamic_cafile_content.go:161', '"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca\\.crt"'));
    expect((await c.kubectl(['logs', '-n', 'kube-system', 'kube-apiserver-controlplane'])).stdout).toMatch(klog('server.go:147', 'Version: v1\\.32\\.4'));
    expect((await c.kubectl(['logs', '-n', 'kube-system', 'etcd-controlplane', '--tail=1'])).stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} [INWE] \| [a-z]+: /);
    const id = (await c.kubectl(['get', 'pod', '-n', 'kube-system', 'kube-scheduler-controlplane', '-o', 'jsonpath={.status.containerStatuses[0].containerID}'])).stdout.replace('containerd://', '');
    const cri = await crictl('controlplane', ['logs', id]);
    expect(cri.stderr).toBe(sched);
  });

  it('re-creates a mirror pod deleted with kubectl', async () => {
    const before = (await c.kubectl(['get', 'pod', '-n', 'kube-system', 'etcd-controlplane', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    expect((await c.kubectl(['delete', 'pod', '-n', 'kube-system', 'etcd-controlplane', '--wait=false'])).code).toBe(0);
    await eventually(c, ['get', 'pod', '-n', 'kube-system', 'etcd-controlplane', '-o', 'jsonpath={.metadata.uid} {.status.phase}'], (o) => !o.startsWith(before) && o.endsWith(' Running'), 30_000);
  });

  it('shows a scheduler with a bad flag in CrashLoopBackOff, and Running again when fixed', async () => {
    const file = join(manifests(), 'kube-scheduler.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('- --leader-elect=true', '- --leader-elect=true\n    - --no-such-flag=1'));
    try {
      await eventually(c, ['get', 'pod', '-n', 'kube-system', 'kube-scheduler-controlplane'], (o) => row('kube-scheduler-controlplane', '0/1\\s+CrashLoopBackOff\\s+[1-9]').test(o), 40_000);
      const last = JSON.parse((await c.kubectl(['get', 'pod', '-n', 'kube-system', 'kube-scheduler-controlplane', '-o', 'jsonpath={.status.containerStatuses[0].lastState}'])).stdout) as { terminated: { exitCode: number; reason: string } };
      expect(last.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      expect(daemonLog()).toContain('kube-scheduler: Error: unknown flag: --no-such-flag');
      // The crashed run's output, as the real kube-scheduler ends it (the usage text cobra prints first is left out).
      const logs = await c.kubectl(['logs', '-n', 'kube-system', 'kube-scheduler-controlplane']);
      expect(logs).toMatchObject({ code: 0, stdout: 'Error: unknown flag: --no-such-flag\n' });
    } finally {
      writeFileSync(file, good);
    }
    await eventually(c, ['get', 'pod', '-n', 'kube-system', 'kube-scheduler-controlplane'], (o) => row('kube-scheduler-controlplane', '1/1\\s+Running\\s+0').test(o), 30_000);
  });

  it('deletes the mirror pod with its manifest: new pods stay Pending until it is back', async () => {
    const file = join(manifests(), 'kube-scheduler.yaml');
    const aside = join(c.home, 'kube-scheduler.yaml');
    renameSync(file, aside);
    try {
      await eventually(c, ['get', 'pods', '-n', 'kube-system', '-o', 'name'], (o) => !o.includes('pod/kube-scheduler-controlplane') && o.includes('pod/etcd-controlplane'), 30_000);
      // The mirror pod can go a moment before the scheduler itself has stopped: wait for that too.
      await eventually(c, ['get', 'componentstatuses', 'scheduler'], (o) => /scheduler\s+Unhealthy/.test(o), 30_000);
      expect((await c.kubectl(['run', 'waits', '--image=nginx'])).code).toBe(0);
      await new Promise((r) => setTimeout(r, 2000));
      expect((await c.kubectl(['get', 'pod', 'waits', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Pending');
      expect((await crictl('controlplane', ['ps', '--name', 'kube-scheduler', '-q'])).stdout).toBe('');
    } finally {
      renameSync(aside, file);
    }
    await eventually(c, ['get', 'pod', '-n', 'kube-system', 'kube-scheduler-controlplane'], (o) => row('kube-scheduler-controlplane', '1/1\\s+Running').test(o), 30_000);
    await eventually(c, ['get', 'pod', 'waits', '-o', 'jsonpath={.spec.nodeName}'], (o) => o !== '', 30_000);
  });

  it('runs a static pod dropped into node01\'s manifests, and removes it with its manifest', async () => {
    const file = join(manifests('node01'), 'static-web.yaml');
    writeFileSync(file, NGINX);
    try {
      const out = await eventually(c, ['get', 'pods', '-o', 'wide'], (o) => row('static-web-node01', '1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.\\S+\\s+node01').test(o), 60_000);
      expect(out).toMatch(row('static-web-node01', ''));
      const ps = await crictl('node01', ['ps', '--name', 'web']);
      expect(ps.stdout).toMatch(/\sRunning\s+web\s+0\s+[0-9a-f]{13}\s+static-web-node01\s+default/);
      const logs = await c.kubectl(['logs', 'static-web-node01']);
      expect(logs.stdout).toContain('start worker processes');
    } finally {
      unlinkSync(file);
    }
    await eventually(c, ['get', 'pods', '-o', 'name'], (o) => !o.includes('static-web-node01'), 40_000);
  });

  it('skips a manifest that does not parse, and says why in the daemon log', async () => {
    const file = join(manifests('node01'), 'broken.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata;\n  name: broken\n');
    try {
      const want = '"Could not process manifest file" err="/etc/kubernetes/manifests/broken.yaml: couldn\'t parse as pod(yaml: ';
      const until = Date.now() + 20_000;
      while (!daemonLog().includes(want) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
      expect(daemonLog()).toContain(want);
      expect(daemonLog()).toContain('path="/etc/kubernetes/manifests/broken.yaml"');
      expect((await c.kubectl(['get', 'pods', '-A', '-o', 'name'])).stdout).not.toContain('broken');
    } finally {
      if (existsSync(file)) unlinkSync(file);
    }
  });
});
