import { describe, expect, it } from 'vitest';
import { unknownFields } from './index.js';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });

describe('unknownFields', () => {
  it('reports a typo in a container field with its list index', () => {
    const obj = pod({ containers: [{ name: 'a', image: 'nginx' }, { name: 'b', imagee: 'busybox' }] });
    expect(unknownFields('', 'v1', 'Pod', obj)).toEqual(['spec.containers[1].imagee']);
  });

  it('reports an unknown top-level spec field', () => {
    const obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replica: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [] } } } };
    expect(unknownFields('apps', 'v1', 'Deployment', obj)).toEqual(['spec.replica']);
  });

  it('accepts maps, quantities, int-or-strings, times and raw objects', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'app.kubernetes.io/name': 'x' }, annotations: { 'any.key/here': 'v' }, creationTimestamp: '2026-01-01T00:00:00Z' }, data: { 'k.conf': 'v' }, binaryData: { b: 'AA==' }, immutable: true };
    expect(unknownFields('', 'v1', 'ConfigMap', cm)).toEqual([]);
    const p = pod({ nodeSelector: { disk: 'ssd' }, containers: [{ name: 'a', image: 'nginx', resources: { limits: { cpu: '500m', memory: '1Gi' } }, ports: [{ containerPort: 80 }], livenessProbe: { httpGet: { port: 'http', path: '/' } } }] }, { name: 'p', managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': { 'f:anything': {} } } }] });
    expect(unknownFields('', 'v1', 'Pod', { ...p, status: { phase: 'Running', startTime: '2026-01-01T00:00:00Z' } })).toEqual([]);
    const rev = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: { spec: { whatever: [1, 2] } } };
    expect(unknownFields('apps', 'v1', 'ControllerRevision', rev)).toEqual([]);
  });

  it('checks metadata and the top level, in document order, depth first', () => {
    const obj = { apiVersion: 'v1', kind: 'Pod', metadata: { nmae: 'web' }, spec: { contianers: [], containers: [{ name: 'a', imagee: 'x', volumeMounts: [{ name: 'v', mountpath: '/x' }] }], restartpolicy: 'Never' }, extra: true };
    expect(unknownFields('', 'v1', 'Pod', obj)).toEqual(['metadata.nmae', 'spec.contianers', 'spec.containers[0].imagee', 'spec.containers[0].volumeMounts[0].mountpath', 'spec.restartpolicy', 'extra']);
  });

  it('is case-sensitive and looks through nested templates', () => {
    const obj = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { Containers: [], restartPolicy: 'Never' } } } } } };
    expect(unknownFields('batch', 'v1', 'CronJob', obj)).toEqual(['spec.jobTemplate.spec.template.spec.Containers']);
  });

  it('knows nothing of kinds without a published schema (custom resources)', () => {
    expect(unknownFields('example.com', 'v1', 'Widget', { spec: { anything: 1 } })).toEqual([]);
  });

  it('stops at 100 fields, as the strict decoder does', () => {
    const spec = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`f${i}`, i]));
    const found = unknownFields('', 'v1', 'Pod', pod(spec));
    expect(found).toHaveLength(100);
    expect(found[99]).toBe('spec.f99');
  });
});
