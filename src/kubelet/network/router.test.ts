import { describe, expect, it } from 'vitest';
import { route, type Route } from './router.js';
import { sampleSnapshot } from './testing.js';

const from = { namespace: 'default', podIP: '10.244.1.9' };
const summary = (r: Route) => (r.kind === 'pod' ? `${r.pod.metadata.name} ${r.ip}:${r.port}` : r.kind);

describe('route', () => {
  it.each([
    ['ClusterIP:port → a ready endpoint', '10.96.12.34', 80, 'web-1 10.244.1.5:80'],
    ['ClusterIP without ready endpoints → REJECT', '10.96.0.77', 80, 'refused'],
    ['ClusterIP on a port the Service lacks → dropped', '10.96.12.34', 8080, 'dropped'],
    ['named targetPort from the slice', '10.96.0.88', 8080, 'web-1 10.244.1.5:80'],
    ['NodePort on any node IP', '172.18.0.2', 30080, 'web-1 10.244.1.5:80'],
    ['a node IP on another port → refused', '172.18.0.3', 31000, 'refused'],
    ['a pod IP directly', '10.244.1.5', 80, 'web-1 10.244.1.5:80'],
    ['an unknown IP → dropped', '10.1.2.3', 80, 'dropped'],
  ])('%s', (_name, ip, port, want) => expect(summary(route(sampleSnapshot(), from, ip, port, { pick: () => 0 }))).toBe(want));

  it('follows the selector when EndpointSlices cannot be read', () => {
    const snap = { ...sampleSnapshot(), slices: undefined };
    expect(summary(route(snap, from, '10.96.12.34', 80))).toBe('web-1 10.244.1.5:80');
    expect(summary(route(snap, from, '10.96.0.88', 8080))).toBe('web-1 10.244.1.5:80');
    expect(summary(route(snap, from, '10.96.0.77', 80))).toBe('refused');
  });

  it('drops what the policy denies', () => {
    const policy = { allows: () => false };
    expect(route(sampleSnapshot(), from, '10.96.12.34', 80, { policy }).kind).toBe('dropped');
  });
});
