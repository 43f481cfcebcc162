import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { controllerRevisionColumns } from './controllerrevision.js';
import { daemonSetColumns } from './daemonset.js';
import { deploymentColumns } from './deployment.js';
import { podTemplateColumns } from './podtemplate.js';
import { replicaSetColumns } from './replicaset.js';
import { replicationControllerColumns } from './replicationcontroller.js';
import { statefulSetColumns } from './statefulset.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const meta = { name: 'web', creationTimestamp: '2025-01-15T11:15:00Z' };
const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.25' },
      { name: 'log', image: 'busybox:1.36' },
    ],
  },
};

describe('deployment cells', () => {
  it.each<[string, unknown, string]>([
    ['matchLabels', { matchLabels: { app: 'web' } }, 'app=web'],
    ['expressions', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, 'app=web,tier in (a,b)'],
    ['empty selector prints nothing', {}, ''],
    ['invalid selector', { matchExpressions: [{ key: 'tier', operator: 'Bogus' }] }, '<invalid>'],
  ])('wide SELECTOR: %s', (_name, selector, want) => {
    const d: KObject = {
      metadata: meta,
      spec: { replicas: 3, selector, template },
      status: { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(deploymentColumns.cells(d, { now: NOW })).toEqual(['web', '2/3', 3, 2, '45m', 'nginx,log', 'nginx:1.25,busybox:1.36', want]);
  });

  it('prints 0/N and zeros before any status', () => {
    const d: KObject = { metadata: meta, spec: { replicas: 2, template: { spec: { containers: [] } } } };
    expect(deploymentColumns.cells(d, { now: NOW }).slice(1, 4)).toEqual(['0/2', 0, 0]);
  });
});

describe('replica sets, replication controllers, daemon sets, stateful sets', () => {
  it('replicaset: integers and a formatted selector', () => {
    const rs: KObject = {
      metadata: meta,
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' } }, template },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(replicaSetColumns.cells(rs, { now: NOW })).toEqual([
      'web', 2, 2, 1, '45m', 'nginx,log', 'nginx:1.25,busybox:1.36', 'app=web,pod-template-hash=7d4b9c8f6d',
    ]);
  });

  it('replicaset without a selector prints <none>', () => {
    const rs: KObject = { metadata: meta, spec: { template } };
    expect(replicaSetColumns.cells(rs, { now: NOW }).slice(1, 4).concat(replicaSetColumns.cells(rs, { now: NOW })[7])).toEqual([0, 0, 0, '<none>']);
  });

  it('replicationcontroller: a plain label-map selector, no template', () => {
    const rc: KObject = { metadata: meta, spec: { replicas: 1, selector: { app: 'web' } }, status: { replicas: 1, readyReplicas: 1 } };
    expect(replicationControllerColumns.cells(rc, { now: NOW })).toEqual(['web', 1, 1, 1, '45m', '', '', 'app=web']);
  });

  it('daemonset: counts and node selector', () => {
    const ds: KObject = {
      metadata: meta,
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.4' }] } },
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    expect(daemonSetColumns.cells(ds, { now: NOW })).toEqual([
      'web', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '45m', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.4', 'k8s-app=kube-proxy',
    ]);
    expect(daemonSetColumns.cells({ metadata: meta }, { now: NOW })[6]).toBe('<none>');
  });

  it('statefulset: READY ready/desired and wide containers', () => {
    const sts: KObject = { metadata: meta, spec: { replicas: 3, template }, status: { readyReplicas: 1 } };
    expect(statefulSetColumns.cells(sts, { now: NOW })).toEqual(['web', '1/3', '45m', 'nginx,log', 'nginx:1.25,busybox:1.36']);
    expect(statefulSetColumns.columns.map((c) => c.name)).toEqual(['Name', 'Ready', 'Age', 'Containers', 'Images']);
  });
});

describe('controller revisions and pod templates', () => {
  it.each<[string, object[] | undefined, string]>([
    ['daemon set owner', [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: 'u', controller: true }], 'daemonset.apps/kube-proxy'],
    ['core group owner', [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true }], 'pod/p'],
    ['non-controller owner is ignored', [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u' }], '<none>'],
    ['no owner', undefined, '<none>'],
  ])('controllerrevision CONTROLLER: %s', (_name, owners, want) => {
    const rev: KObject = { metadata: { ...meta, ...(owners ? { ownerReferences: owners as never } : {}) }, revision: 3 };
    expect(controllerRevisionColumns.cells(rev, { now: NOW })).toEqual(['web', want, 3, '45m']);
  });

  it('podtemplate: containers, images and pod labels, no age', () => {
    const pt: KObject = { metadata: meta, template };
    expect(podTemplateColumns.cells(pt, { now: NOW })).toEqual(['web', 'nginx,log', 'nginx:1.25,busybox:1.36', 'app=web']);
  });
});
