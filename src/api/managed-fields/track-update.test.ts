import { describe, expect, it } from 'vitest';
import { fieldManagerScope, type ScopeInput } from './scope.js';
import { trackUpdate, type ObjectJson } from './track-update.js';
import type { JsonObject } from './values.js';

const T0 = '2024-05-01T10:00:00Z';
const T1 = '2024-05-01T10:05:00Z';
const scope = (over: Partial<ScopeInput> = {}) =>
  fieldManagerScope({ group: 'apps', version: 'v1', kind: 'Deployment', subresource: '', statusSubresource: true, now: T0, ...over });

/** `kubectl create deployment nginx --image=nginx` after the apiserver's defaulting. */
const deployment = (): ObjectJson => ({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'nginx' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
      },
    },
  },
  status: {},
});

/** The kubectl-create entry a v1.32 cluster records for that deployment (`get -o yaml --show-managed-fields`). */
const CREATE_FIELDS = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
  'f:spec': {
    'f:progressDeadlineSeconds': {}, 'f:replicas': {}, 'f:revisionHistoryLimit': {}, 'f:selector': {},
    'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
    'f:template': {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:resources': {}, 'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {} } },
        'f:dnsPolicy': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:terminationGracePeriodSeconds': {},
      },
    },
  },
};

const entries = (o: ObjectJson) => (o.metadata?.managedFields ?? []) as JsonObject[];
const stored = (o: ObjectJson): ObjectJson => ({ ...o, metadata: { ...o.metadata, uid: 'u-1', creationTimestamp: T0, resourceVersion: '5' } });

describe('managed fields on create, update and patch', () => {
  it('gives a create the fields it set beyond the empty object, byte for byte as upstream orders them', () => {
    const out = trackUpdate(scope(), undefined, deployment(), 'kubectl-create');
    expect(entries(out)).toEqual([{ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: CREATE_FIELDS }]);
    expect(JSON.stringify(entries(out)[0]!.fieldsV1)).toBe(JSON.stringify(CREATE_FIELDS));
  });

  it('owns a ConfigMap data map as a member when it was absent (`f:data: {.: {}}`)', () => {
    const s = fieldManagerScope({ group: '', version: 'v1', kind: 'ConfigMap', subresource: '', statusSubresource: false, now: T0 });
    const out = trackUpdate(s, undefined, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }, 'kubectl-create');
    expect(entries(out)[0]!.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} } });
  });

  it('moves a changed field to the updating manager and keeps the creator for the rest', () => {
    const live = stored(trackUpdate(scope(), undefined, deployment(), 'kubectl-create'));
    const next = structuredClone(live);
    (next.spec as JsonObject).replicas = 3;
    const out = trackUpdate(scope({ now: T1 }), live, next, 'kubectl-edit');
    const [create, edit] = entries(out);
    expect(edit).toMatchObject({ manager: 'kubectl-edit', operation: 'Update', time: T1, fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
    expect((create!.fieldsV1 as JsonObject)['f:spec']).not.toHaveProperty('f:replicas');
    expect(create!.time).toBe(T0);
  });

  it('records nothing for a write that changes nothing', () => {
    const live = stored(trackUpdate(scope(), undefined, deployment(), 'kubectl-create'));
    expect(trackUpdate(scope({ now: T1 }), live, structuredClone(live), 'other').metadata!.managedFields).toEqual(live.metadata!.managedFields);
  });

  it('keeps status out of the main resource and spec out of /status', () => {
    const live = stored(trackUpdate(scope(), undefined, deployment(), 'kubectl-create'));
    const next = structuredClone(live);
    next.status = { replicas: 1 };
    expect(entries(trackUpdate(scope({ now: T1 }), live, next, 'x')).map((e) => e.manager)).toEqual(['kubectl-create']);
    const viaStatus = entries(trackUpdate(scope({ now: T1, subresource: 'status' }), live, next, 'kube-controller-manager'));
    expect(viaStatus[1]).toMatchObject({ manager: 'kube-controller-manager', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
  });

  it('records updates through /scale without a time, as upstream', () => {
    const live = stored(trackUpdate(scope(), undefined, deployment(), 'kubectl-create'));
    const next = structuredClone(live);
    (next.spec as JsonObject).replicas = 5;
    const scaled = entries(trackUpdate(scope({ now: T1, subresource: 'scale' }), live, next, 'kubectl'));
    expect(scaled.find((e) => e.subresource === 'scale')).toEqual({ manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' });
  });

  it('clears the managed fields on `managedFields: []` and then tracks no more updates', () => {
    const live = stored(trackUpdate(scope(), undefined, deployment(), 'kubectl-create'));
    const cleared = trackUpdate(scope({ now: T1 }), live, { ...live, metadata: { ...live.metadata, managedFields: [] } }, 'kubectl-patch');
    expect(cleared.metadata).not.toHaveProperty('managedFields');
    const next = structuredClone(cleared);
    (next.spec as JsonObject).replicas = 2;
    expect(trackUpdate(scope({ now: T1 }), stored(cleared), next, 'x').metadata).not.toHaveProperty('managedFields');
  });

  it('takes valid managedFields from an update request, and the live ones when they are invalid', () => {
    const live = stored(trackUpdate(scope(), undefined, deployment(), 'kubectl-create'));
    const mine = [{ manager: 'mine', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }];
    expect(entries(trackUpdate(scope({ now: T1 }), live, { ...live, metadata: { ...live.metadata, managedFields: mine } }, 'x'))).toEqual(mine);
    const bad = [{ manager: 'mine', operation: 'Bogus', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: {} }];
    expect(trackUpdate(scope({ now: T1 }), live, { ...live, metadata: { ...live.metadata, managedFields: bad } }, 'x').metadata!.managedFields).toEqual(live.metadata!.managedFields);
  });

  it('caps update managers at 10, merging the oldest into ancient-changes', () => {
    let live = stored(trackUpdate(scope(), undefined, deployment(), 'm0'));
    for (let i = 1; i <= 11; i++) {
      const next = structuredClone(live);
      ((next.metadata as JsonObject).labels as JsonObject)[`l${i}`] = 'x';
      live = stored(trackUpdate(scope({ now: `2024-05-01T10:00:${String(i).padStart(2, '0')}Z` }), live, next, `m${i}`));
    }
    const managers = entries(live).map((e) => e.manager);
    expect(managers).toHaveLength(10);
    expect(managers[0]).toBe('ancient-changes');
  });
});
