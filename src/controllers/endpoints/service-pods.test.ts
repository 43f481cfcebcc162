import { describe, expect, it } from 'vitest';
import type { Obj } from '../../client/types.js';
import { findPort, servicesOnPodUpdate, shouldPodBeInEndpoints } from './service-pods.js';
import { pod, service } from './testdata.js';
import { rfc3339Nano, TriggerTimeTracker } from './trigger-time.js';

const withRV = (o: Obj, rv: string): Obj => ({ ...o, metadata: { ...o.metadata, uid: 'u', resourceVersion: rv } });

describe('findPort', () => {
  const sidecarPod: Obj = { metadata: {}, spec: { containers: [], initContainers: [
    { name: 'init', ports: [{ name: 'm', containerPort: 1 }] },
    { name: 'side', restartPolicy: 'Always', ports: [{ name: 'm', containerPort: 9100, protocol: 'TCP' }] },
  ] } };
  it.each([
    ['numeric targetPort', pod('a'), { port: 80, targetPort: 8081 }, 8081],
    ['targetPort defaults to port', pod('a'), { port: 80 }, 80],
    ['named port', pod('a'), { port: 80, targetPort: 'http', protocol: 'TCP' }, 8080],
    ['named port needs the same protocol', pod('a'), { port: 80, targetPort: 'http', protocol: 'UDP' }, undefined],
    ['unknown name', pod('a'), { port: 80, targetPort: 'nope' }, undefined],
    ['sidecar init containers only', sidecarPod, { port: 80, targetPort: 'm' }, 9100],
  ])('%s', (_n, p, sp, want) => expect(findPort(p, sp)).toBe(want));
});

describe('shouldPodBeInEndpoints', () => {
  it.each([
    ['running with IP', pod('a', { ip: '10.0.0.1' }), false, true],
    ['no IP', pod('a'), false, false],
    ['failed', pod('a', { ip: '10.0.0.1', phase: 'Failed' }), true, false],
    ['terminating', pod('a', { ip: '10.0.0.1', deleting: true }), false, false],
    ['terminating, included', pod('a', { ip: '10.0.0.1', deleting: true }), true, true],
  ])('%s', (_n, p, incl, want) => expect(shouldPodBeInEndpoints(p, incl)).toBe(want));
});

describe('servicesOnPodUpdate', () => {
  const svcs = [service('web'), service('api', { selector: { app: 'api' } }), service('all', { selector: {} }), service('none', { selector: null })]
    .map((s) => ({ ...s, metadata: { ...s.metadata, namespace: 'default' } }));
  const base = withRV(pod('a', { ip: '10.0.0.1' }), '1');
  it.each([
    ['same resourceVersion', base, [] as string[]],
    ['unrelated change', withRV({ ...base, metadata: { ...base.metadata, annotations: { x: 'y' } } }, '2'), []],
    ['readiness change', withRV(pod('a', { ip: '10.0.0.1', ready: false }), '2'), ['default/all', 'default/web']],
    ['label move only', withRV(pod('a', { ip: '10.0.0.1', labels: { app: 'api' } }), '2'), ['default/api', 'default/web']],
    ['label move and IP change', withRV(pod('a', { ip: '10.0.0.9', labels: { app: 'api' } }), '2'), ['default/all', 'default/api', 'default/web']],
  ])('%s', (_n, cur, want) => expect([...servicesOnPodUpdate(svcs, base, cur)].sort()).toEqual(want));
});

describe('TriggerTimeTracker', () => {
  it('reports creation first, then the earliest changed Ready transition, then nothing', () => {
    const t = new TriggerTimeTracker();
    const svc = service('web');
    const pods = [pod('a', { readySince: '2026-01-01T00:00:00Z' })];
    expect(rfc3339Nano(t.compute('default/web', svc, pods))).toBe('2025-12-31T23:00:00Z');
    expect(t.compute('default/web', svc, pods)).toBe(0);
    const later = [pod('a', { readySince: '2026-01-01T00:01:00Z' }), pod('b', { readySince: '2026-01-01T00:00:30Z' })];
    expect(rfc3339Nano(t.compute('default/web', svc, later))).toBe('2026-01-01T00:00:30Z');
  });
  it('formats RFC 3339 with nanosecond precision trimmed', () => {
    expect(rfc3339Nano(Date.parse('2026-01-01T00:00:00.500Z'))).toBe('2026-01-01T00:00:00.5Z');
  });
});
