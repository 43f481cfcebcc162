// Probes through the kubelet on a fake clock: the docs' liveness exec example, readiness gating
// the Ready condition, startup probes holding liveness back, httpGet against nginx, and the
// failure wording of each handler (upstream's strings, pkg/probe and pkg/kubelet/prober).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boot, cond, podOf, shutdown } from '../test-cluster.js';
import { tick, tickUntil } from '../testing.js';

afterEach(shutdown);

type Booted = Awaited<ReturnType<typeof boot>>;
const messages = (t: Booted, reason: string) => t.events().filter((e) => e.reason === reason).map((e) => e.message);
const counts = (t: Booted, reason: string) => t.events().filter((e) => e.reason === reason).map((e) => [e.message, e.count]);

/** kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes (exec-liveness.yaml). */
const LIVENESS_EXEC = {
  containers: [{
    name: 'liveness', image: 'busybox:1.38', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
    livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
  }],
};

describe('probes: liveness', () => {
  it('restarts the docs example after three failed `cat /tmp/healthy` (sh ignores SIGTERM: 137 after the grace period)', async () => {
    const t = await boot(podOf('liveness-exec', LIVENESS_EXEC));
    await tick(t.clock, 40_000, 1000);
    expect(t.status('liveness-exec')?.restartCount).toBe(0);
    expect(messages(t, 'Killing')).toEqual([]);
    await tickUntil(t.clock, 5000, () => messages(t, 'Killing').length > 0);
    // The docs' `kubectl describe`: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
    expect(counts(t, 'Unhealthy')).toEqual([["Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n", 3]]);
    expect(messages(t, 'Killing')).toEqual(['Container liveness failed liveness probe, will be restarted']);
    expect(t.status('liveness-exec')?.state?.running).toBeDefined();
    await tick(t.clock, 31_000, 1000);
    const s = t.status('liveness-exec')!;
    expect(s.restartCount).toBe(1);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(Date.parse(s.lastState?.terminated?.finishedAt ?? '') - Date.parse(s.lastState?.terminated?.startedAt ?? '')).toBeGreaterThanOrEqual(74_000);
    expect(s.state?.running).toBeDefined();
    expect(s.ready).toBe(true);
  });

  it('restarts nginx failing httpGet /healthz (404); nginx exits 0 on SIGTERM: Completed', async () => {
    const t = await boot(podOf('web', { containers: [{
      name: 'nginx', image: 'nginx:1.31', ports: [{ name: 'http', containerPort: 80 }],
      livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2, failureThreshold: 2 },
      readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 2 },
    }] }));
    await tickUntil(t.clock, 6000, () => t.status('web')?.restartCount === 1);
    expect(counts(t, 'Unhealthy')).toEqual([['Liveness probe failed: HTTP probe failed with statuscode: 404', 2]]);
    expect(messages(t, 'Killing')).toEqual(['Container nginx failed liveness probe, will be restarted']);
    const s = t.status('web')!;
    expect(s.restartCount).toBe(1);
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('leaves a killed container stopped under restartPolicy Never', async () => {
    const t = await boot(podOf('once', { restartPolicy: 'Never', containers: [{
      name: 'web', image: 'nginx:1.31', livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1, failureThreshold: 1 },
    }] }));
    await tickUntil(t.clock, 4000, () => t.pod('once')?.status?.phase === 'Succeeded');
    expect(messages(t, 'Unhealthy')[0]).toMatch(/^Liveness probe failed: dial tcp 10\.244\.1\.\d+:8080: connect: connection refused$/);
    expect(messages(t, 'Killing')).toEqual(['Container web failed liveness probe']);
    expect(t.status('once')).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(t.pod('once')?.status?.phase).toBe('Succeeded');
  });

  it('backs off a container its liveness probe keeps killing (CrashLoopBackOff)', async () => {
    const t = await boot(podOf('loop', { containers: [{
      name: 'web', image: 'nginx:1.31', livenessProbe: { httpGet: { path: '/nope', port: 80 }, periodSeconds: 1, failureThreshold: 1 },
    }] }));
    await tick(t.clock, 30_000, 500);
    const s = t.status('loop')!;
    expect(s.restartCount).toBeGreaterThanOrEqual(3);
    expect(messages(t, 'BackOff')).toEqual([`Back-off restarting failed container web in pod loop_default(${t.pod('loop')?.metadata.uid})`]);
  });
});

describe('probes: readiness and startup', () => {
  it('keeps the container unready until its readiness probe passes, then Ready', async () => {
    const t = await boot(podOf('ready', { containers: [{
      name: 'app', image: 'busybox:1.38', command: ['sh', '-c', 'sleep 10; touch /tmp/ready; sleep 3600'],
      readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 3 },
    }] }));
    await tick(t.clock, 5000, 500);
    expect(t.status('ready')).toMatchObject({ ready: false, started: true, state: { running: {} } });
    expect(cond(t.pod('ready'), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    expect(cond(t.pod('ready'), 'ContainersReady')?.status).toBe('False');
    expect(messages(t, 'Unhealthy')[0]).toBe("Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n");
    await tickUntil(t.clock, 7000, () => t.status('ready')?.ready === true);
    expect(t.clock.now() - Date.parse(t.status('ready')?.state?.running?.startedAt ?? '')).toBeGreaterThanOrEqual(10_000);
    expect(t.status('ready')?.ready).toBe(true);
    expect(cond(t.pod('ready'), 'Ready')?.status).toBe('True');
    expect(t.status('ready')?.restartCount).toBe(0);
  });

  it('holds liveness and readiness back until the startup probe succeeds', async () => {
    const t = await boot(podOf('slow', { containers: [{
      name: 'app', image: 'busybox:1.38', command: ['sh', '-c', 'sleep 8; touch /tmp/up; sleep 3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 2, failureThreshold: 10 },
      livenessProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 2 },
      readinessProbe: { exec: { command: ['true'] }, periodSeconds: 2 },
    }] }));
    await tick(t.clock, 5000, 500);
    expect(t.status('slow')).toMatchObject({ started: false, ready: false });
    expect(messages(t, 'Unhealthy').every((m) => m.startsWith('Startup probe failed: '))).toBe(true);
    await tickUntil(t.clock, 6000, () => t.status('slow')?.ready === true);
    expect(t.status('slow')).toMatchObject({ started: true, ready: true, restartCount: 0 });
    expect(messages(t, 'Unhealthy').some((m) => m.startsWith('Liveness'))).toBe(false);
  });

  it('starts nginx whose startup probe reads /etc/hostname, and CoreDNS on its health and ready endpoints', async () => {
    const t = await boot(
      podOf('web', { containers: [{ name: 'app', image: 'nginx:1.31', startupProbe: { exec: { command: ['cat', '/etc/hostname'] }, periodSeconds: 2 } }] }),
      podOf('dns', { containers: [{
        name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', args: ['-conf', '/etc/coredns/Corefile'],
        livenessProbe: { httpGet: { path: '/health', port: 8080 }, periodSeconds: 2 }, readinessProbe: { httpGet: { path: '/ready', port: 8181 }, periodSeconds: 2 },
      }] }),
    );
    await tickUntil(t.clock, 6000, () => t.status('web')?.ready === true && t.status('dns')?.ready === true);
    await tick(t.clock, 4000, 500);
    expect(t.status('web')).toMatchObject({ started: true, ready: true });
    expect(t.status('dns')).toMatchObject({ started: true, ready: true, restartCount: 0 });
    expect(t.events().filter((e) => e.reason === 'Unhealthy' && e.message.startsWith('Liveness'))).toEqual([]);
  });

  it('probes a container taken back after a daemon restart again, without failing it meanwhile', async () => {
    const t = await boot(podOf('web', { containers: [{ name: 'nginx', image: 'nginx:1.31', readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 1 }, livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1, failureThreshold: 1 } }] }));
    await tickUntil(t.clock, 5000, () => t.status('web')?.ready === true);
    const id = t.status('web')?.containerID;
    await t.restart();
    await tickUntil(t.clock, 3000, () => t.status('web')?.ready === true);
    await tick(t.clock, 3000, 500);
    expect(t.status('web')).toMatchObject({ ready: true, restartCount: 0, containerID: id });
    expect(messages(t, 'Unhealthy')).toEqual([]);
  });

  it('kills a container whose startup probe fails failureThreshold times', async () => {
    const t = await boot(podOf('never-up', { terminationGracePeriodSeconds: 2, containers: [{
      name: 'app', image: 'busybox:1.38', command: ['sh', '-c', 'sleep 3600'],
      startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 2, failureThreshold: 3 },
    }] }));
    await tickUntil(t.clock, 6000, () => messages(t, 'Killing').length > 0);
    expect(counts(t, 'Unhealthy')).toEqual([["Startup probe failed: cat: can't open '/tmp/up': No such file or directory\n", 3]]);
    expect(messages(t, 'Killing')).toEqual(['Container app failed startup probe, will be restarted']);
    expect(t.status('never-up')?.started).toBe(false);
    await tickUntil(t.clock, 2000, () => t.status('never-up')?.restartCount === 1);
    expect(t.status('never-up')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'Error' } } });
  });
});

describe('probes: thresholds and sidecars', () => {
  it('needs successThreshold successes in a row before the container is ready', async () => {
    const t = await boot(podOf('p', { containers: [{ name: 'c', image: 'nginx:1.31', readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 2, successThreshold: 3 } }] }));
    await tickUntil(t.clock, 5000, () => t.status('p')?.state?.running !== undefined);
    const started = Date.parse(t.status('p')?.state?.running?.startedAt ?? '');
    await tickUntil(t.clock, 8000, () => t.status('p')?.ready === true);
    expect(t.clock.now() - started).toBeGreaterThanOrEqual(4000);
  });

  it('holds the main container back until a sidecar\'s startup probe succeeds, and restarts a sidecar failing liveness', async () => {
    const t = await boot(podOf('side', {
      initContainers: [{
        name: 'proxy', image: 'busybox:1.38', restartPolicy: 'Always', command: ['sh', '-c', 'sleep 4; touch /tmp/up; sleep 6; rm /tmp/up; sleep 3600'],
        startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 1, failureThreshold: 30 },
        livenessProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 1, failureThreshold: 2 },
      }],
      containers: [{ name: 'app', image: 'busybox:1.38', command: ['sleep', '3600'] }],
    }));
    await tick(t.clock, 4000, 500);
    expect(t.status('side', 'app')?.state?.waiting?.reason).toBe('PodInitializing');
    expect(t.pod('side')?.status?.initContainerStatuses?.[0]).toMatchObject({ started: false, ready: false });
    await tickUntil(t.clock, 4000, () => t.status('side', 'app')?.state?.running !== undefined);
    expect(t.pod('side')?.status?.initContainerStatuses?.[0]).toMatchObject({ started: true, ready: true });
    await tickUntil(t.clock, 12_000, () => messages(t, 'Killing').length > 0);
    expect(messages(t, 'Killing')).toEqual(['Init container proxy failed liveness probe']);
  });
});

describe('probes: handler failures', () => {
  const one = (probe: Record<string, unknown>, image = 'nginx:1.31') => podOf('p', { containers: [{ name: 'c', image, command: image.startsWith('busybox') ? ['sleep', '3600'] : undefined, readinessProbe: { periodSeconds: 5, ...probe } }] });

  it.each([
    ['httpGet to a closed port', { httpGet: { path: '/healthz', port: 8080 } }, 'nginx:1.31', /^Readiness probe failed: Get "http:\/\/(10\.244\.1\.\d+):8080\/healthz": dial tcp \1:8080: connect: connection refused$/],
    ['httpGet over https to plain nginx', { httpGet: { path: '/', port: 80, scheme: 'HTTPS' } }, 'nginx:1.31', /^Readiness probe failed: Get "https:\/\/10\.244\.1\.\d+:80\/": http: server gave HTTP response to HTTPS client$/],
    ['httpGet to a server that does not speak HTTP', { httpGet: { path: '/', port: 6379 } }, 'redis:8', /^Readiness probe failed: Get "http:\/\/10\.244\.1\.\d+:6379\/": EOF$/],
    ['httpGet to an address nothing answers', { httpGet: { host: '10.9.9.9', path: '/', port: 80 } }, 'nginx:1.31', /^Readiness probe failed: Get "http:\/\/10\.9\.9\.9:80\/": dial tcp 10\.9\.9\.9:80: i\/o timeout \(Client\.Timeout exceeded while awaiting headers\)$/],
    ['tcpSocket to a closed port', { tcpSocket: { port: 3306 } }, 'nginx:1.31', /^Readiness probe failed: dial tcp 10\.244\.1\.\d+:3306: connect: connection refused$/],
    ['grpc to nginx (not a gRPC server)', { grpc: { port: 80 } }, 'nginx:1.31', /^Readiness probe failed: timeout: failed to connect service "10\.244\.1\.\d+:80" within 1s: context deadline exceeded$/],
    ['exec outliving timeoutSeconds', { exec: { command: ['sleep', '5'] }, timeoutSeconds: 2 }, 'busybox:1.38', /^Readiness probe failed: command timed out: "sleep 5" timed out after 2s$/],
    ['exec of a command the image lacks', { exec: { command: ['curl', '-f', 'localhost'] } }, 'busybox:1.38', /^Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown$/],
    ['a port name the container does not have', { tcpSocket: { port: 'metrics' } }, 'nginx:1.31', /^Readiness probe errored: strconv\.Atoi: parsing "metrics": invalid syntax$/],
  ])('%s', async (_name, probe, image, want) => {
    const t = await boot(one(probe, image));
    await tickUntil(t.clock, 3000, () => messages(t, 'Unhealthy').length > 0);
    const got = messages(t, 'Unhealthy');
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]).toMatch(want);
    expect(t.status('p')?.ready).toBe(false);
  });

  it.each([
    ['kube-probe/1.32', []],
    ['curl/8.5.0', [{ name: 'user-agent', value: 'curl/8.5.0' }]],
  ])('succeeds on nginx\'s index; nginx logs the request from the node with User-Agent %s', async (agent, httpHeaders) => {
    const t = await boot(one({ httpGet: { path: '/', port: 80, httpHeaders } }));
    await tickUntil(t.clock, 3000, () => t.status('p')?.ready === true);
    expect(t.status('p')?.ready).toBe(true);
    expect(messages(t, 'Unhealthy')).toEqual([]);
    const log = readFileSync(join(t.root, 'var/log/pods', `default_p_${t.pod('p')?.metadata.uid}`, 'c', '0.log'), 'utf8');
    expect(log).toMatch(new RegExp(`Z stdout F 192\\.168\\.49\\.3 - - \\[[^\\]]+\\] "GET / HTTP/1\\.1" 200 615 "-" "${agent.replace(/\./g, '\\.')}" "-"\n`));
  });
});
