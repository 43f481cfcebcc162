import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.js';
import { LAST_APPLIED } from './last-applied.js';
import { fieldManagerScope } from './scope.js';
import { trackApply } from './track-apply.js';
import { trackUpdate, type ObjectJson } from './track-update.js';
import type { JsonObject } from './values.js';

const T0 = '2010-10-10T00:00:00Z';
const T1 = '2010-10-10T00:05:00Z';
const cmScope = (now = T0) => fieldManagerScope({ group: '', version: 'v1', kind: 'ConfigMap', subresource: '', statusSubresource: false, now });
const depScope = (now = T0) => fieldManagerScope({ group: 'apps', version: 'v1', kind: 'Deployment', subresource: '', statusSubresource: true, now });

/** The ConfigMap of the Server-Side Apply page of the Kubernetes docs. */
const testCm = (data: JsonObject, labels: JsonObject = { 'test-label': 'test' }): ObjectJson => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test-cm', namespace: 'default', labels }, data,
});
const stored = (o: ObjectJson): ObjectJson => ({ ...o, metadata: { ...o.metadata, uid: 'u-1', creationTimestamp: T0, resourceVersion: '7' } });
const apply = (live: ObjectJson | undefined, config: ObjectJson, manager: string, force = false, now = T0) => trackApply({ scope: cmScope(now), live, config, manager, force });
const entries = (o: ObjectJson) => (o.metadata?.managedFields ?? []) as JsonObject[];

function statusOf(f: () => unknown): StatusError['status'] {
  try {
    f();
  } catch (err) {
    if (err instanceof StatusError) return err.status;
    throw err;
  }
  throw new Error('no error');
}

describe('server-side apply', () => {
  it('through /status owns none of the fields the status strategy resets (a deployment\'s labels)', () => {
    const scope = fieldManagerScope({ group: 'apps', version: 'v1', kind: 'Deployment', subresource: 'status', statusSubresource: true, now: T0, reset: ['spec', 'metadata.labels'] });
    const live = stored({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { replicas: 1 } });
    const config: ObjectJson = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { tier: 'x' } }, spec: { replicas: 2 }, status: { replicas: 1 } };
    const out = trackApply({ scope, live, config, manager: 'st', force: false });
    expect(entries(out).find((e) => e.manager === 'st')!.fieldsV1).toEqual({ 'f:status': { 'f:replicas': {} } });
  });

  it('creates the docs example with one Apply entry', () => {
    const out = apply(undefined, testCm({ key: 'some value' }), 'kubectl');
    expect(out.data).toEqual({ key: 'some value' });
    expect(entries(out)).toEqual([{
      manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1',
      fieldsV1: { 'f:data': { 'f:key': {} }, 'f:metadata': { 'f:labels': { 'f:test-label': {} } } },
    }]);
  });

  it('co-owns a field applied with the live value, conflicts on another value, takes it with force', () => {
    const live = stored(apply(undefined, testCm({ key: 'some value' }), 'kubectl'));
    const shared = stored(apply(live, testCm({ key: 'some value' }, {}), 'other', false, T1));
    // The object did not change, so the new applier's entry has no time (and sorts first).
    expect(entries(shared).map((e) => [e.manager, e.time, e.fieldsV1])).toEqual([
      ['other', undefined, { 'f:data': { 'f:key': {} }, 'f:metadata': { 'f:labels': {} } }],
      ['kubectl', T0, { 'f:data': { 'f:key': {} }, 'f:metadata': { 'f:labels': { 'f:test-label': {} } } }],
    ]);
    expect(statusOf(() => apply(shared, testCm({ key: 'new' }), 'other'))).toMatchObject({
      code: 409, reason: 'Conflict', message: 'Apply failed with 1 conflict: conflict with "kubectl": .data.key',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: '.data.key' }] },
    });
    const forced = apply(shared, testCm({ key: 'new' }), 'other', true, T1);
    expect(forced.data).toEqual({ key: 'new' });
    expect(entries(forced).find((e) => e.manager === 'kubectl')!.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:test-label': {} } } });
  });

  it('conflicts with an update manager as "<manager>" using <apiVersion>', () => {
    const created = stored(trackUpdate(cmScope(), undefined, testCm({ key: 'a' }), 'kubectl-create'));
    expect(statusOf(() => apply(created, testCm({ key: 'b' }), 'kubectl')).message).toBe('Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data.key');
  });

  it('removes what the manager stopped applying, unless someone else owns it', () => {
    const live = stored(apply(undefined, testCm({ a: '1', b: '2', c: '3' }), 'kubectl'));
    const co = stored(apply(live, testCm({ c: '3' }, {}), 'other'));
    const out = apply(co, testCm({ a: '1' }), 'kubectl', false, T1);
    expect(out.data).toEqual({ a: '1', c: '3' });
  });

  it('changes nothing (not even the time) when applied again', () => {
    const live = stored(apply(undefined, testCm({ key: 'v' }), 'kubectl'));
    expect(apply(live, testCm({ key: 'v' }), 'kubectl', false, T1)).toEqual(live);
  });

  it('merges containers by name and ports by containerPort+protocol', () => {
    const dep = (image: string, ports: JsonObject[]): ObjectJson => ({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'w' } }, template: { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'nginx', image, ports }] } } },
    });
    const first = stored(trackApply({ scope: depScope(), live: undefined, config: dep('nginx:1', [{ containerPort: 80 }]), manager: 'kubectl', force: false }));
    const fields = entries(first)[0]!.fieldsV1 as JsonObject;
    expect(((fields['f:spec'] as JsonObject)['f:template'] as JsonObject)['f:spec']).toEqual({
      'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } },
    });
    const next = trackApply({ scope: depScope(T1), live: first, config: dep('nginx:2', [{ containerPort: 80 }]), manager: 'kubectl', force: false });
    expect((((next.spec as JsonObject).template as JsonObject).spec as JsonObject).containers).toEqual([{ name: 'nginx', image: 'nginx:2', ports: [{ containerPort: 80 }] }]);
  });

  it.each([
    [{ apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'test-cm' } }, 400, 'invalid object type: apps/v1, Kind=ConfigMap'],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test-cm', managedFields: [] } }, 400, 'metadata.managedFields must be nil'],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test-cm', namespace: 'default' }, dataa: {} }, 500, 'failed to create typed patch object (default/test-cm; /v1, Kind=ConfigMap): .dataa: field not declared in schema'],
  ])('rejects %j with %i', (config, code, message) => {
    expect(statusOf(() => apply(undefined, config, 'kubectl'))).toMatchObject({ code, message });
  });

  it('rejects list items without a key that has no default (ServiceAccount secrets by name)', () => {
    const scope = fieldManagerScope({ group: '', version: 'v1', kind: 'ServiceAccount', subresource: '', statusSubresource: false, now: T0 });
    const config = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa' }, secrets: [{ namespace: 'x' }] };
    expect(statusOf(() => trackApply({ scope, live: undefined, config, manager: 'kubectl', force: false })).message).toBe(
      'failed to create typed patch object (/sa; /v1, Kind=ServiceAccount): .secrets: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });

  it('lets kubectl take fields client-side apply set, and rewrites the last-applied annotation', () => {
    const csaConfig = testCm({ key: 'a' });
    const annotated = { ...csaConfig, metadata: { ...csaConfig.metadata, annotations: { [LAST_APPLIED]: `${JSON.stringify(csaConfig)}\n` } } };
    const live = stored(trackUpdate(cmScope(), undefined, annotated, 'kubectl-client-side-apply'));
    const out = apply(live, testCm({ key: 'b' }), 'kubectl', false, T1);
    expect(out.data).toEqual({ key: 'b' });
    expect(((out.metadata as JsonObject).annotations as JsonObject)[LAST_APPLIED]).toBe('{"apiVersion":"v1","data":{"key":"b"},"kind":"ConfigMap","metadata":{"labels":{"test-label":"test"},"name":"test-cm","namespace":"default"}}\n');
    expect(statusOf(() => apply(live, testCm({ key: 'b' }), 'someone'))).toMatchObject({ code: 409 });
  });
});

describe('server-side apply of a kind without a published schema', () => {
  const scope = fieldManagerScope({ group: 'example.com', version: 'v1', kind: 'Widget', subresource: '', statusSubresource: false, now: T0 });
  const widget = (sizes: number[]): ObjectJson => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', finalizers: ['a'] }, spec: { color: 'red', sizes } });

  it('owns maps field by field and lists whole (deduced types), metadata as ObjectMeta', () => {
    const out = trackApply({ scope, live: undefined, config: widget([1, 2]), manager: 'mgr', force: false });
    // A key no schema declares is owned itself too (`.`), as structured-merge-diff's deduced type does.
    expect(entries(out)[0]!.fieldsV1).toEqual({ 'f:metadata': { 'f:finalizers': { 'v:"a"': {} } }, 'f:spec': { '.': {}, 'f:color': {}, 'f:sizes': {} } });
    const next = trackApply({ scope, live: stored(out), config: widget([3]), manager: 'mgr', force: false });
    expect((next.spec as JsonObject).sizes).toEqual([3]);
  });
});
