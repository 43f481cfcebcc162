import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../client/refs.js';
import { boot, cond, podOf, shutdown } from './test-cluster.js';
import { tick } from './testing.js';

afterEach(shutdown);

describe('kubelet: more of the lifecycle', () => {
  it('keeps pod IPs, completed init containers and running containers across a daemon restart', async () => {
    const t = await boot(podOf('keep', {
      initContainers: [{ name: 'setup', image: 'busybox:1.38', command: ['sh', '-c', 'echo ready'] }],
      containers: [{ name: 'web', image: 'nginx:1.31' }],
    }));
    await tick(t.clock, 5000);
    const before = t.pod('keep')!;
    expect(before.status?.phase).toBe('Running');
    const created = t.events().filter((e) => e.reason === 'Created').length;
    await t.restart();
    await tick(t.clock, 2000);
    const after = t.pod('keep')!;
    expect(after.status?.podIP).toBe(before.status?.podIP);
    expect(after.status?.initContainerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(after.status?.containerStatuses?.[0]).toMatchObject({ ready: true, restartCount: 0, containerID: before.status?.containerStatuses?.[0]?.containerID });
    expect(t.events().filter((e) => e.reason === 'Created').length).toBe(created);
    t.fake.seed(REFS.pods, podOf('next', { containers: [{ name: 'web', image: 'nginx:1.31' }] }));
    await tick(t.clock, 1000);
    expect(t.pod('next')?.status?.podIP).not.toBe(before.status?.podIP);
  });

  it('fails mysql without a root password and restarts it (OnFailure)', async () => {
    const t = await boot(podOf('db', { restartPolicy: 'OnFailure', containers: [{ name: 'mysql', image: 'mysql:26.7', imagePullPolicy: 'IfNotPresent' }] }));
    await tick(t.clock, 9000, 1000);
    const s = t.status('db')!;
    expect(s.restartCount).toBeGreaterThanOrEqual(1);
    expect((s.lastState?.terminated ?? s.state?.terminated)?.exitCode).toBe(1);
    expect(t.pod('db')?.status?.phase).toBe('Running');
  });

  it('reports a missing configMap as CreateContainerConfigError and starts once it exists', async () => {
    const t = await boot(podOf('cfg', { containers: [{ name: 'app', image: 'busybox:1.38', command: ['sh', '-c', 'echo $MODE; sleep 3600'], env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app', key: 'mode' } } }] }] }));
    await tick(t.clock, 1000);
    expect(t.status('cfg')?.state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "app" not found' });
    expect(t.events().some((e) => e.reason === 'Failed' && e.message === 'Error: configmap "app" not found')).toBe(true);
    t.fake.seed(REFS.configmaps, { metadata: { name: 'app', namespace: 'default' }, data: { mode: 'blue' } });
    await tick(t.clock, 10_000, 1000);
    expect(t.status('cfg')?.state?.running).toBeDefined();
  });

  it('marks a container ready after its readiness probe delay when the server listens on the port', async () => {
    const probe = (port: number) => ({ httpGet: { port, path: '/' }, initialDelaySeconds: 5, periodSeconds: 5 });
    const t = await boot(podOf('probe', { containers: [
      { name: 'ok', image: 'nginx:1.31', readinessProbe: probe(80) },
      { name: 'bad', image: 'redis:8', readinessProbe: probe(8080) },
    ] }));
    await tick(t.clock, 3000);
    expect(t.status('probe', 'ok')?.ready).toBe(false);
    await tick(t.clock, 5000);
    expect(t.status('probe', 'ok')?.ready).toBe(true);
    expect(t.status('probe', 'bad')?.ready).toBe(false);
    expect(cond(t.pod('probe'), 'Ready')).toMatchObject({ status: 'False', message: 'containers with unready status: [bad]' });
    expect(t.events().find((e) => e.reason === 'Unhealthy')?.message).toMatch(/^Readiness probe failed: Get "http:\/\/10\.244\.1\.\d+:8080\/": dial tcp 10\.244\.1\.\d+:8080: connect: connection refused$/);
  });

  it('fails a container whose executable the image lacks with StartError, and a Never pod with it', async () => {
    const t = await boot(podOf('noexec', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.38', command: ['kubectl', 'version'] }] }));
    await tick(t.clock, 1500);
    expect(t.status('noexec')?.state?.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(t.pod('noexec')?.status?.phase).toBe('Failed');
  });

  it('keeps a sidecar (an init container with restartPolicy Always) running beside the main container', async () => {
    const t = await boot(podOf('side', {
      initContainers: [{ name: 'logger', image: 'busybox:1.38', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] }],
      containers: [{ name: 'main', image: 'busybox:1.38', command: ['sleep', '3600'] }],
    }));
    await tick(t.clock, 12_000, 1000);
    const p = t.pod('side')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.initContainerStatuses?.[0]).toMatchObject({ name: 'logger', ready: true, started: true, state: { running: {} } });
    expect(t.status('side')?.state?.running).toBeDefined();
    expect(cond(p, 'Ready')?.status).toBe('True');
    const log = readFileSync(join(t.root, 'var/log/pods', `default_side_${p.metadata.uid}`, 'logger', '0.log'), 'utf8');
    expect(log.trim().split('\n').length).toBe(3);
  });
});
