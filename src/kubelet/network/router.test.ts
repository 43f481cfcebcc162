import { describe, expect, it } from 'vitest';
import { route, type Route } from './router.js';
import { SessionAffinity } from './affinity.js';
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

describe('session affinity (ClientIP)', () => {
  const twoReady = (affinity?: string, timeoutSeconds?: number) => {
    const snap = sampleSnapshot();
    const web = snap.services.find((s) => s.metadata.name === 'web')!;
    web.spec = { ...web.spec, ...(affinity ? { sessionAffinity: affinity } : {}), ...(timeoutSeconds ? { sessionAffinityConfig: { clientIP: { timeoutSeconds } } } : {}) };
    snap.slices![0]!.endpoints![1]!.conditions = { ready: true };
    snap.pods.find((p) => p.metadata.name === 'web-2')!.status!.conditions = [{ type: 'Ready', status: 'True' }];
    return snap;
  };
  const targets = (snap: ReturnType<typeof sampleSnapshot>, now: () => number, clients: string[]) => {
    let n = 0;
    const affinity = new SessionAffinity(now);
    return clients.map((podIP) => summary(route(snap, { namespace: 'default', podIP }, '10.96.12.34', 80, { affinity, pick: (k) => n++ % k, policy: { allows: () => true } })));
  };

  it.each([
    ['None: each connection picked anew', undefined, ['10.244.1.9', '10.244.1.9', '10.244.1.9'], ['web-1 10.244.1.5:80', 'web-2 10.244.2.7:80', 'web-1 10.244.1.5:80']],
    ['ClientIP: a client keeps its endpoint', 'ClientIP', ['10.244.1.9', '10.244.1.9', '10.244.1.9'], ['web-1 10.244.1.5:80', 'web-1 10.244.1.5:80', 'web-1 10.244.1.5:80']],
    ['ClientIP: another client is picked for', 'ClientIP', ['10.244.1.9', '10.244.1.10', '10.244.1.9'], ['web-1 10.244.1.5:80', 'web-2 10.244.2.7:80', 'web-1 10.244.1.5:80']],
  ])('%s', (_n, affinity, clients, want) => expect(targets(twoReady(affinity), () => 0, clients)).toEqual(want));

  it('forgets a client after timeoutSeconds', () => {
    let t = 0;
    const snap = twoReady('ClientIP', 10);
    let n = 0;
    const affinity = new SessionAffinity(() => t);
    const go = () => summary(route(snap, { namespace: 'default', podIP: '10.244.1.9' }, '10.96.12.34', 80, { affinity, pick: (k) => n++ % k, policy: { allows: () => true } }));
    expect(go()).toBe('web-1 10.244.1.5:80');
    t = 10_000;
    expect(go()).toBe('web-1 10.244.1.5:80');
    t = 20_001;
    expect(go()).toBe('web-2 10.244.2.7:80');
  });
});

describe('internalTrafficPolicy: Local', () => {
  const local = (clientNode: string) => {
    const snap = sampleSnapshot();
    const web = snap.services.find((s) => s.metadata.name === 'web')!;
    web.spec = { ...web.spec, internalTrafficPolicy: 'Local' };
    snap.pods.find((p) => p.metadata.name === 'client')!.spec!.nodeName = clientNode;
    return route(snap, from, '10.96.12.34', 80, { pick: () => 0 });
  };
  it('reaches the endpoint on the client\'s node', () => expect(summary(local('node-1'))).toBe('web-1 10.244.1.5:80'));
  it('drops the connection when the client\'s node has none', () => expect(summary(local('node-2'))).toBe('dropped'));
});

describe('externalTrafficPolicy: Local on a NodePort', () => {
  const via = (client: string, nodeIP: string) => {
    const snap = sampleSnapshot();
    const svc = snap.services.find((s) => s.metadata.name === 'nodeport')!;
    svc.spec = { ...svc.spec, externalTrafficPolicy: 'Local' };
    return summary(route(snap, { namespace: 'default', podIP: client }, nodeIP, 30080, { pick: () => 0 }));
  };
  it('from a pod: any endpoint', () => expect(via('10.244.1.9', '172.18.0.2')).toBe('web-1 10.244.1.5:80'));
  it('from the receiving node itself: any endpoint', () => expect(via('172.18.0.2', '172.18.0.2')).toBe('web-1 10.244.1.5:80'));
  it('from another node, to a node with a local endpoint', () => expect(via('172.18.0.2', '172.18.0.3')).toBe('web-1 10.244.1.5:80'));
  it('from another node, to a node without one: dropped', () => expect(via('172.18.0.3', '172.18.0.2')).toBe('dropped'));
});
