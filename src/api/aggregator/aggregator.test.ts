// The aggregation layer over a real store: the Available condition's reasons and messages as
// kube-aggregator's availability controller words them, the local APIServices it registers, and
// discovery of a Service-backed group (Stale while unavailable).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import { Registry } from '../registry/rest.js';
import type { KObject } from '../types.js';
import { apiService } from '../resources/apiservice.js';
import { endpoints } from '../resources/endpoints.js';
import { pod } from '../resources/pod.js';
import { service } from '../resources/service.js';
import { Aggregator } from './controller.js';
import { withAggregatedDiscovery, withAggregatedGroups } from './discovery.js';
import type { ExtensionServer } from './types.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-agg-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let n = 0;
  return new Registry(new ObjectStorage(store), { now: () => Date.UTC(2025, 4, 1, 10), uid: () => `uid-${++n}`, suffix: () => 'abcde' }, []);
}

const METRICS: ExtensionServer = {
  group: 'metrics.k8s.io', version: 'v1beta1', image: 'metrics-server/metrics-server',
  resources: [{ name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] }], serve: async () => {},
};
const SVC: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'metrics-server', namespace: 'kube-system' }, spec: { ports: [{ name: 'https', port: 443 }] } };
const EPS: KObject = {
  apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'metrics-server', namespace: 'kube-system' },
  subsets: [{ addresses: [{ ip: '10.244.1.2', targetRef: { kind: 'Pod', name: 'ms', namespace: 'kube-system' } }], ports: [{ name: 'https', port: 10250 }] }],
};
const POD = (image: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ms', namespace: 'kube-system' }, spec: { containers: [{ name: 'c', image }] } });
const AS: KObject = {
  apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1beta1.metrics.k8s.io' },
  spec: { group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100, insecureSkipTLSVerify: true, service: { name: 'metrics-server', namespace: 'kube-system' } },
};

async function condition(r: Registry): Promise<string> {
  const a = await r.storage.get(apiService, undefined, 'v1beta1.metrics.k8s.io');
  const c = (a.status as { conditions: { status: string; reason: string; message: string }[] }).conditions[0]!;
  return `${c.status} ${c.reason}: ${c.message}`;
}

describe('Aggregator', () => {
  it('walks the availability checks in upstream order, with upstream wording', async () => {
    const r = await setup();
    const agg = new Aggregator(r, [METRICS], () => Date.UTC(2025, 4, 1, 10));
    const created = await r.storage.create(apiService, { ...AS, status: {} });
    expect((created.spec as { service: { port: number } }).service.port).toBeUndefined();
    const steps: [() => Promise<unknown>, string][] = [
      [async () => {}, 'False ServiceNotFound: service/metrics-server in "kube-system" is not present'],
      [() => r.storage.create(service, SVC), 'False EndpointsNotFound: cannot find endpoints for service/metrics-server in "kube-system"'],
      [() => r.storage.create(endpoints, { ...EPS, subsets: [] }), 'False MissingEndpoints: endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"'],
      [async () => { const e = await r.storage.get(endpoints, 'kube-system', 'metrics-server'); await r.storage.update(endpoints, { ...e, subsets: EPS.subsets }, Number(e.metadata.resourceVersion)); }, 'False FailedDiscoveryCheck: failing or missing response from https://10.244.1.2:10250/apis/metrics.k8s.io/v1beta1: Get "https://10.244.1.2:10250/apis/metrics.k8s.io/v1beta1": dial tcp 10.244.1.2:10250: connect: connection refused'],
      [() => r.storage.create(pod, POD('registry.k8s.io/metrics-server/metrics-server:v0.7.2')), 'True Passed: all checks passed'],
    ];
    // The stored object has no port (created around the strategy): the controller reads 443.
    for (const [act, want] of steps) {
      await act();
      await agg.sync();
      expect(await condition(r)).toBe(want);
    }
    expect(agg.find('metrics.k8s.io', 'v1beta1')).toMatchObject({ available: true, discovered: true, server: { namespace: 'kube-system', name: 'ms' } });
  });

  it('registers the served group-versions as Local APIServices', async () => {
    const r = await setup();
    const agg = new Aggregator(r, [], () => Date.UTC(2025, 4, 1, 10));
    agg.start(60_000);
    await agg.stop();
    const apps = await r.storage.get(apiService, undefined, 'v1.apps');
    expect(apps.metadata.labels).toEqual({ 'kube-aggregator.kubernetes.io/automanaged': 'onstart' });
    expect(apps.spec).toEqual({ group: 'apps', version: 'v1', groupPriorityMinimum: 17800, versionPriority: 15 });
    expect(apps.status).toEqual({ conditions: [{ type: 'Available', status: 'True', lastTransitionTime: '2025-05-01T10:00:00Z', reason: 'Local', message: 'Local APIServices are always available' }] });
    expect(await r.storage.tryGet(apiService, undefined, 'v1.')).toBeDefined();
    expect(await r.storage.tryGet(apiService, undefined, 'v1.apiregistration.k8s.io')).toBeUndefined();
    expect(agg.registrations()).toEqual([]);
  });
});

describe('aggregated discovery', () => {
  const reg = (available: boolean, discovered: boolean) => ({
    name: 'v1beta1.metrics.k8s.io', group: 'metrics.k8s.io', version: 'v1beta1', service: { namespace: 'kube-system', name: 'metrics-server', port: 443 },
    groupPriorityMinimum: 100, versionPriority: 100, available, discovered, server: undefined, extension: METRICS,
  });
  const pods = { resource: 'pods', responseKind: { group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics' }, scope: 'Namespaced', singularResource: '', verbs: ['get', 'list'] };

  it.each([
    ['available', reg(true, true), { version: 'v1beta1', resources: [pods], freshness: 'Current' }],
    ['down after answering once', reg(false, true), { version: 'v1beta1', resources: [pods], freshness: 'Stale' }],
    ['never answered', reg(false, false), { version: 'v1beta1', freshness: 'Stale' }],
  ])('%s', (_n, r, version) => {
    expect(withAggregatedDiscovery({ items: [] }, [r])).toEqual({ items: [{ metadata: { name: 'metrics.k8s.io', creationTimestamp: null }, versions: [version] }] });
  });

  it('lists the group in the legacy group list whether or not it is available', () => {
    const groupVersion = { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' };
    expect(withAggregatedGroups({ groups: [] }, [reg(false, false)])).toEqual({ groups: [{ name: 'metrics.k8s.io', versions: [groupVersion], preferredVersion: groupVersion }] });
  });
});
