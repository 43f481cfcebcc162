// The prober's pure parts, table-driven: ports by name (probe.ResolveContainerPort), the httpGet
// URL (NewRequestForHTTPGetAction), DoHTTPProbe's verdict, $(VAR) in exec commands, the probe
// defaults, and the Killing event's message and grace period (kuberuntime).
import { describe, expect, it } from 'vitest';
import type { ContainerSpec, Pod } from '../pod-spec.js';
import { expandCommand } from './exec.js';
import { probeRequest, verdict } from './http.js';
import { killGracePeriod, killMessage } from './kill.js';
import { resolvePort } from './target.js';
import { ProbeError, timings } from './types.js';

const web: ContainerSpec = { name: 'web', ports: [{ name: 'http', containerPort: 8080 }, { name: 'admin', containerPort: 9000 }] };

describe('resolvePort', () => {
  it.each([
    [80, 80], ['http', 8080], ['admin', 9000], ['8443', 8443],
  ])('%s → %s', (port, want) => expect(resolvePort(port, web)).toBe(want));

  it.each([
    ['metrics', 'strconv.Atoi: parsing "metrics": invalid syntax'],
    [0, 'invalid port number: 0'],
    [70000, 'invalid port number: 70000'],
    ['-1', 'invalid port number: -1'],
  ])('%s fails: %s', (port, message) => {
    expect(() => resolvePort(port, web)).toThrow(new ProbeError(message));
  });
});

describe('probeRequest', () => {
  const at = (get: Parameters<typeof probeRequest>[0]) => probeRequest(get, { container: web, podIP: '10.244.1.5' });
  it.each([
    [{ port: 'http', path: '/healthz' }, 'http://10.244.1.5:8080/healthz', '/healthz'],
    [{ port: 80 }, 'http://10.244.1.5:80', '/'],
    [{ port: 80, path: 'ready' }, 'http://10.244.1.5:80/ready', '/ready'],
    [{ port: 443, path: '/livez', scheme: 'HTTPS', host: '127.0.0.1' }, 'https://127.0.0.1:443/livez', '/livez'],
    [{ port: 80, path: '/q?x=1' }, 'http://10.244.1.5:80/q?x=1', '/q?x=1'],
  ])('%j → %s', (get, url, path) => {
    expect(at(get)).toMatchObject({ url, path });
  });

  it('sends kube-probe/1.32 unless a header says otherwise', () => {
    expect(at({ port: 80 }).userAgent).toBe('kube-probe/1.32');
    expect(at({ port: 80, httpHeaders: [{ name: 'User-Agent', value: 'probe' }] }).userAgent).toBe('probe');
  });
});

describe('verdict', () => {
  it.each([
    [200, { result: 'success', output: 'ok' }],
    [204, { result: 'success', output: 'ok' }],
    [302, { result: 'warning', output: 'Probe terminated redirects, Response body: ok' }],
    [399, { result: 'warning', output: 'Probe terminated redirects, Response body: ok' }],
    [199, { result: 'failure', output: 'HTTP probe failed with statuscode: 199' }],
    [404, { result: 'failure', output: 'HTTP probe failed with statuscode: 404' }],
    [503, { result: 'failure', output: 'HTTP probe failed with statuscode: 503' }],
  ])('%s', (code, want) => expect(verdict(code, 'ok')).toEqual(want));
});

describe('expandCommand', () => {
  const c: ContainerSpec = { name: 'c', env: [{ name: 'FILE', value: '/tmp/healthy' }, { name: 'FROM', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] };
  it.each([
    [['cat', '$(FILE)'], ['cat', '/tmp/healthy']],
    [['echo', '$(FROM)'], ['echo', '']],
    [['echo', '$(NOPE)', '$$(FILE)'], ['echo', '$(NOPE)', '$(FILE)']],
    [['sh', '-c', 'cat $FILE'], ['sh', '-c', 'cat $FILE']],
  ])('%j → %j', (cmd, want) => expect(expandCommand(cmd, c)).toEqual(want));
});

describe('timings', () => {
  it('defaults as the API does', () => {
    expect(timings({})).toEqual({ initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
    expect(timings({ initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 1 })).toMatchObject({ initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 1 });
  });
});

describe('kill', () => {
  it.each([
    ['web', 'LivenessProbe', false, true, 'Container web failed liveness probe, will be restarted'],
    ['web', 'StartupProbe', false, true, 'Container web failed startup probe, will be restarted'],
    ['web', 'LivenessProbe', false, false, 'Container web failed liveness probe'],
    ['proxy', 'LivenessProbe', true, true, 'Init container proxy failed liveness probe'],
    ['proxy', 'StartupProbe', true, true, 'Init container proxy failed startup probe'],
  ] as const)('%s %s init=%s restart=%s: %s', (name, reason, init, restart, want) => {
    expect(killMessage(name, reason, init, restart)).toBe(want);
  });

  const pod = (spec: Pod['spec'], deletion?: number): Pod => ({ metadata: { name: 'p', ...(deletion !== undefined ? { deletionGracePeriodSeconds: deletion } : {}) }, spec });
  it.each([
    ['the pod\'s', pod({ terminationGracePeriodSeconds: 30 }), {}, 30],
    ['the liveness probe\'s own', pod({ terminationGracePeriodSeconds: 30 }), { livenessProbe: { terminationGracePeriodSeconds: 5 } }, 5],
    ['the startup probe\'s, not used for liveness', pod({ terminationGracePeriodSeconds: 30 }), { startupProbe: { terminationGracePeriodSeconds: 5 } }, 30],
    ['at least 2 s', pod({ terminationGracePeriodSeconds: 0 }), {}, 2],
    ['the deletion\'s', pod({ terminationGracePeriodSeconds: 30 }, 10), { livenessProbe: { terminationGracePeriodSeconds: 5 } }, 10],
  ])('grace: %s', (_name, p, probes, want) => {
    expect(killGracePeriod(p, { name: 'c', ...probes }, 'LivenessProbe')).toBe(want);
  });
});
