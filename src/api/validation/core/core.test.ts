import { describe, expect, it } from 'vitest';
import { createErrors, meta, updateErrors } from '../testing.js';

const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const CONFIG_KEY = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('ConfigMap and Secret', () => {
  it.each([
    ['ConfigMap', { metadata: meta('cfg'), data: { 'app.properties': 'x' } }, []],
    ['ConfigMap', { metadata: meta('cfg'), data: { 'bad key': 'x' } }, [`data[bad key]: Invalid value: "bad key": ${CONFIG_KEY}`]],
    ['ConfigMap', { metadata: meta('cfg'), data: { a: 'x' }, binaryData: { a: 'eA==' } }, ['data[a]: Invalid value: "a": duplicate of key present in binaryData']],
    ['Secret', { metadata: meta('s'), data: { 'pass word': 'eA==' } }, [`data[pass word]: Invalid value: "pass word": ${CONFIG_KEY}`]],
    ['Secret', { metadata: meta('s'), stringData: { 'a/b': 'x' } }, [`data[a/b]: Invalid value: "a/b": ${CONFIG_KEY}`]],
    ['Secret', { metadata: meta('tls'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }, ['data[tls.key]: Required value']],
    ['Secret', { metadata: meta('d'), type: 'kubernetes.io/dockerconfigjson', data: {} }, ['data[.dockerconfigjson]: Required value']],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('keeps immutable data immutable', () => {
    const old = { metadata: meta('cfg'), immutable: true, data: { a: '1' } };
    expect(updateErrors('ConfigMap', { ...old, data: { a: '2' } }, old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });

  it('keeps the secret type immutable', () => {
    const old = { metadata: meta('s'), type: 'Opaque' };
    expect(updateErrors('Secret', { ...old, type: 'kubernetes.io/basic-auth', data: { username: 'eA==' } }, old)).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });
});

describe('Namespace, ServiceAccount, Node', () => {
  it.each([
    ['Namespace', { metadata: { name: 'dev' } }, []],
    ['Namespace', { metadata: { name: 'dev.team' } }, ['metadata.name: Invalid value: "dev.team": must not contain dots']],
    ['Namespace', { metadata: { name: 'Dev' } }, [`metadata.name: Invalid value: "Dev": ${LABEL}`]],
    ['Namespace', { metadata: { name: 'dev', namespace: 'x' } }, []],
    ['ServiceAccount', { metadata: { name: 'build-bot' } }, ['metadata.namespace: Required value']],
    ['Node', { metadata: { name: 'worker-1' }, spec: { taints: [{ key: 'gpu', effect: 'NoRun' }] } }, ['metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));
});

describe('PersistentVolume and PersistentVolumeClaim', () => {
  const pvcSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

  it.each([
    ['PersistentVolumeClaim', { metadata: meta('data'), spec: pvcSpec }, []],
    ['PersistentVolumeClaim', { metadata: meta('data'), spec: {} }, ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']],
    ['PersistentVolumeClaim', { metadata: meta('data'), spec: { ...pvcSpec, accessModes: ['ReadWriteAll'] } }, ['spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
    ['PersistentVolume', { metadata: { name: 'pv1' }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/data' } } }, []],
    ['PersistentVolume', { metadata: { name: 'pv1' }, spec: { capacity: { storage: '1Gi' } } }, ['spec.accessModes: Required value', 'spec: Required value: must specify a volume type']],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('forbids changing a pending claim', () => {
    const old = { metadata: meta('data'), spec: pvcSpec };
    const errs = updateErrors('PersistentVolumeClaim', { metadata: meta('data'), spec: { ...pvcSpec, accessModes: ['ReadWriteMany'] } }, old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n/);
  });

  it('lets a bound claim grow', () => {
    const old = { metadata: meta('data'), spec: { ...pvcSpec, volumeName: 'pv1' }, status: { phase: 'Bound', capacity: { storage: '1Gi' } } };
    const next = { ...old, spec: { ...old.spec, resources: { requests: { storage: '2Gi' } } } };
    expect(updateErrors('PersistentVolumeClaim', next, old)).toEqual([]);
  });
});

describe('ResourceQuota and LimitRange', () => {
  it('quota resource names and values', () => {
    expect(createErrors('ResourceQuota', { metadata: meta('q'), spec: { hard: { pods: '1.5', cpus: '1' } } })).toEqual([
      'spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500000000, scale:-9}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer',
      'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource for quota',
    ]);
  });

  it('limit range min above max', () => {
    const errs = createErrors('LimitRange', { metadata: meta('lr'), spec: { limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }] } });
    expect(errs[0]).toMatch(/^spec\.limits\[0\]\.min\[cpu\]: Invalid value: resource\.Quantity\{.*\}: min value 2 is greater than max value 1$/);
  });
});
