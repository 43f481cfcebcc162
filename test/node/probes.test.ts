// Container probes end to end, read with the real kubectl: the docs' liveness exec example
// (timings shortened) restarts its container with upstream's events in `kubectl describe` and
// `kubectl get events`; a readiness probe gates the Ready condition and the Service's
// EndpointSlice; httpGet probes against nginx succeed on / and fail on /healthz (404), and the
// liveness failure restarts nginx (exit 0 on SIGTERM: Completed).
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

// kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
// exec-liveness.yaml, with 6 s instead of 30 s before the file goes, 2 s periods and a 2 s grace
// period (sh as PID 1 ignores SIGTERM, so the kubelet SIGKILLs it when the grace period ends).
const LIVENESS = `apiVersion: v1
kind: Pod
metadata: {name: liveness-exec, labels: {test: liveness}}
spec:
  terminationGracePeriodSeconds: 2
  containers:
  - name: liveness
    image: busybox
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 6; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      initialDelaySeconds: 2
      periodSeconds: 2
`;

const GATE = `apiVersion: v1
kind: Pod
metadata: {name: gate, labels: {app: gate}}
spec:
  containers:
  - name: web
    image: nginx
    readinessProbe:
      exec: {command: [cat, /tmp/ready]}
      periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: {name: gate}
spec:
  selector: {app: gate}
  ports: [{port: 80}]
`;

const WEB = `apiVersion: v1
kind: Pod
metadata: {name: web-probe}
spec:
  containers:
  - name: nginx
    image: nginx
    ports: [{name: http, containerPort: 80}]
    readinessProbe:
      httpGet: {path: /, port: http}
      periodSeconds: 2
    livenessProbe:
      httpGet: {path: /healthz, port: 80}
      initialDelaySeconds: 4
      periodSeconds: 2
      failureThreshold: 2
`;

const jsonpath = async (pod: string, path: string) => (await c.kubectl(['get', 'pod', pod, '-o', `jsonpath=${path}`])).stdout;

describe.skipIf(!hasRealKubectl)('container probes', () => {
  beforeAll(async () => {
    for (const [name, text] of [['liveness.yaml', LIVENESS], ['gate.yaml', GATE], ['web.yaml', WEB]]) {
      expect((await c.kubectl(['apply', '-f', c.file(name!, text!)])).code).toBe(0);
    }
  }, 30_000);

  it('restarts the liveness exec example after its probe fails three times, as `kubectl describe` shows', async () => {
    await eventually(c, ['get', 'pod', 'liveness-exec', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'], (o) => Number(o) >= 1, 60_000);
    const last = JSON.parse(await jsonpath('liveness-exec', '{.status.containerStatuses[0].lastState.terminated}')) as Record<string, unknown>;
    expect(last).toMatchObject({ exitCode: 137, reason: 'Error' });
    const describe = (await c.kubectl(['describe', 'pod', 'liveness-exec'])).stdout;
    expect(describe).toMatch(/\n {4}Liveness: +exec \[cat \/tmp\/healthy\] delay=2s timeout=1s period=2s #success=1 #failure=3\n/);
    // As the docs show it: Warning  Unhealthy  10s (x3 over 20s)  kubelet  Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
    expect(describe).toMatch(/\n {2}Warning {2}Unhealthy {2}\S+ \(x3 over \S+\)\s+kubelet\s+Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory\n/);
    expect(describe).toMatch(/\n {2}Normal {3}Killing {4}\S+\s+kubelet\s+Container liveness failed liveness probe, will be restarted\n/);
    const events = (await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=liveness-exec', '-o', 'custom-columns=TYPE:.type,REASON:.reason,PATH:.involvedObject.fieldPath,COUNT:.count'])).stdout;
    expect(events).toMatch(/^Warning\s+Unhealthy\s+spec\.containers\{liveness\}\s+3$/m);
    expect(events).toMatch(/^Normal\s+Killing\s+spec\.containers\{liveness\}\s+1$/m);
  }, 90_000);

  it('keeps a pod out of Ready and out of its Service\'s endpoints until the readiness probe passes', async () => {
    await eventually(c, ['get', 'pod', 'gate'], (o) => /gate\s+0\/1\s+Running\s+0/.test(o), 60_000);
    expect(await jsonpath('gate', '{.status.conditions[?(@.type=="Ready")].status} {.status.containerStatuses[0].started}')).toBe('False true');
    const unready = await eventually(c, ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=gate', '-o', 'jsonpath={.items[*].endpoints[*].conditions.ready}'], (o) => o === 'false');
    expect(unready).toBe('false');
    expect((await c.kubectl(['exec', 'gate', '--', 'touch', '/tmp/ready'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'gate'], (o) => /gate\s+1\/1\s+Running\s+0/.test(o), 20_000);
    await eventually(c, ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=gate', '-o', 'jsonpath={.items[*].endpoints[*].conditions.ready}'], (o) => o === 'true');
    expect((await c.kubectl(['exec', 'gate', '--', 'rm', '/tmp/ready'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'gate'], (o) => /gate\s+0\/1\s+Running\s+0/.test(o), 20_000);
    const events = (await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=gate', '-o', 'jsonpath={range .items[?(@.reason=="Unhealthy")]}{.message}{end}'])).stdout;
    // nginx's image is Debian: coreutils' cat.
    expect(events).toBe('Readiness probe failed: cat: /tmp/ready: No such file or directory\n');
  }, 90_000);

  it('serves httpGet probes from nginx: / is ready, /healthz (404) fails liveness and restarts it', async () => {
    await eventually(c, ['get', 'pod', 'web-probe', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'], (o) => Number(o) >= 1, 60_000);
    const last = JSON.parse(await jsonpath('web-probe', '{.status.containerStatuses[0].lastState.terminated}')) as Record<string, unknown>;
    expect(last).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const describe = (await c.kubectl(['describe', 'pod', 'web-probe'])).stdout;
    expect(describe).toMatch(/\n {2}Warning {2}Unhealthy {2}\S+ \(x\d+ over \S+\)\s+kubelet\s+Liveness probe failed: HTTP probe failed with statuscode: 404\n/);
    expect(describe).toMatch(/\n {2}Normal {3}Killing {4}\S+(?: \(x\d+ over \S+\))?\s+kubelet\s+Container nginx failed liveness probe, will be restarted\n/);
    expect(describe).not.toContain('Readiness probe failed');
    const logs = (await c.kubectl(['logs', 'web-probe', '--previous'])).stdout;
    expect(logs).toMatch(/"GET \/ HTTP\/1\.1" 200 615 "-" "kube-probe\/1\.32" "-"\n/);
    expect(logs).toMatch(/"GET \/healthz HTTP\/1\.1" 404 153 "-" "kube-probe\/1\.32" "-"\n/);
  }, 90_000);
});
