// Per-resource status strategies through the registry over a real store: what a write through
// /status (and a CSR's /approval) takes from the request and what it keeps, as upstream v1.32's
// PrepareForUpdate decides, and what a write through the resource keeps.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ObjectStorage } from '../storage/storage.js';
import { Registry } from './rest.js';
import { resetFieldsOf } from './write-strategy.js';
import type { RequestContext } from './context.js';
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { pod } from '../resources/pod.js';
import { deployment } from '../resources/deployment.js';
import { node } from '../resources/node.js';
import { service } from '../resources/service.js';
import { volumeAttachment } from '../resources/volumeattachment.js';
import { apiService } from '../resources/apiservice.js';
import { certificateSigningRequest } from '../resources/certificatesigningrequest.js';
import { persistentVolume } from '../resources/persistentvolume.js';
import { customResourceDefinition } from '../resources/customresourcedefinition.js';
import { configMap } from '../resources/configmap.js';
import { namespace } from '../resources/namespace.js';
import { descriptorsOf } from '../crd/descriptors.js';
import { flowSchema } from '../resources/flowschema.js';
import { validatingAdmissionPolicy } from '../resources/validatingadmissionpolicy.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const T0 = Date.UTC(2025, 4, 1, 10);
const NOW = '2025-05-01T10:00:00Z';
const CTX = { user: { name: 'admin', groups: ['system:masters'] } } as RequestContext;

function setup(): Registry {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-status-'));
  const store = openStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let n = 0;
  return new Registry(new ObjectStorage(store), { now: () => T0, uid: () => `uid-${++n}`, suffix: () => 'abcde' }, []);
}

const OWNER = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'rs-uid', controller: true };
const META = { labels: { app: 'web' }, annotations: { a: '1' }, finalizers: ['example.com/f'], ownerReferences: [OWNER] };
/** What a client sends through /status: other metadata, another spec, a status. */
const CHANGED = { labels: { app: 'web', x: 'y' }, annotations: { a: '2' }, finalizers: ['example.com/g'], ownerReferences: [{ ...OWNER, name: 'web-2', uid: 'other' }] };

async function viaStatus(r: Registry, d: ResourceDescriptor, created: KObject, spec: unknown, status: unknown, endpoint: 'status' | 'approval' = 'status'): Promise<KObject> {
  const m = created.metadata;
  return r.guaranteedUpdate(d, m.namespace, m.name!, CTX, endpoint, (cur) => ({ ...cur, metadata: { ...cur.metadata, ...CHANGED }, spec, status }));
}

const metaOf = (o: KObject) => ({ labels: o.metadata.labels, annotations: o.metadata.annotations, finalizers: o.metadata.finalizers, ownerReferences: o.metadata.ownerReferences });

describe('writes through /status', () => {
  it('pods: labels, annotations and finalizers pass; spec and ownerReferences stay; qosClass is backfilled', async () => {
    const r = setup();
    const p = await r.create(pod, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', ...META }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, CTX);
    const out = await viaStatus(r, pod, p, { containers: [{ name: 'c', image: 'busybox' }] }, { phase: 'Running' });
    expect(metaOf(out)).toEqual({ ...CHANGED, ownerReferences: [OWNER] });
    expect((out.spec as { containers: { image: string }[] }).containers[0]!.image).toBe('nginx');
    expect(out.status).toEqual({ phase: 'Running', qosClass: 'BestEffort' });
  });

  it('deployments: labels and spec stay, annotations pass, generation does not move', async () => {
    const r = setup();
    const spec = { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } };
    const dep = await r.create(deployment, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec }, CTX);
    const out = await viaStatus(r, deployment, dep, { ...spec, replicas: 5 }, { replicas: 1 });
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect(out.metadata.annotations).toEqual(CHANGED.annotations);
    expect(out.metadata.generation).toBe(1);
    expect((out.spec as { replicas: number }).replicas).toBe(1);
    expect(out.status).toEqual({ replicas: 1 });
  });

  it('nodes and services: only spec stays', async () => {
    const r = setup();
    const n = await r.create(node, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { a: 'b' } }, spec: { podCIDR: '10.244.1.0/24' } }, CTX);
    const nOut = await viaStatus(r, node, n, { unschedulable: true }, { phase: 'Running' });
    expect(metaOf(nOut)).toEqual(CHANGED);
    expect(nOut.spec).toEqual({ podCIDR: '10.244.1.0/24' });
    const noConfig = await viaStatus(r, node, nOut, nOut.spec, { phase: 'Running', config: { active: {} } });
    expect(noConfig.status).toEqual({ phase: 'Running' });
    const s = await r.create(service, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { a: 'b' } }, spec: { ports: [{ port: 80 }], selector: { app: 'web' } } }, CTX);
    const sOut = await viaStatus(r, service, s, { ports: [{ port: 81 }] }, { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } });
    expect(sOut.metadata.labels).toEqual(CHANGED.labels);
    expect((sOut.spec as { ports: { port: number }[] }).ports[0]!.port).toBe(80);
    expect(sOut.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } });
  });

  it('volumeattachments keep all of ObjectMeta (ResetObjectMetaForStatus); apiservices all but deletionTimestamp', async () => {
    const r = setup();
    const va = await r.create(volumeAttachment, undefined, {
      apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: 'va', ...META },
      spec: { attacher: 'csi.example.com', nodeName: 'n1', source: { persistentVolumeName: 'pv1' } },
    }, CTX);
    const out = await viaStatus(r, volumeAttachment, va, va.spec, { attached: true });
    expect(metaOf(out)).toEqual(META);
    expect(out.status).toEqual({ attached: true });
    const as = await r.create(apiService, undefined, {
      apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.example.com', ...META },
      spec: { group: 'example.com', version: 'v1', groupPriorityMinimum: 100, versionPriority: 100 },
    }, CTX);
    expect(metaOf(await viaStatus(r, apiService, as, as.spec, { conditions: [] }))).toEqual(META);
  });

  it('custom resources keep everything but status; the CRD itself lets metadata through', async () => {
    const r = setup();
    const crd: KObject = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com', labels: { a: 'b' } },
      spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1', served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }] },
    };
    const storedCrd = await r.create(customResourceDefinition, undefined, crd, CTX);
    const crdOut = await viaStatus(r, customResourceDefinition, storedCrd, storedCrd.spec, { acceptedNames: { plural: 'widgets', kind: 'Widget' }, conditions: [{ type: 'Established', status: 'True' }] });
    expect(crdOut.metadata.labels).toEqual(CHANGED.labels);
    const widget = descriptorsOf(crdOut)[0]!;
    const w = await r.create(widget, 'default', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', ...META }, spec: { size: 1 } }, CTX);
    const out = await viaStatus(r, widget, w, { size: 2 }, { ready: true });
    expect(metaOf(out)).toEqual(META);
    expect(out.spec).toEqual({ size: 1 });
    expect(out.status).toEqual({ ready: true });
    expect(out.metadata.generation).toBe(1);
  });

  it('flowschemas keep all of their metadata and spec; validatingadmissionpolicies all of ObjectMeta (ResetObjectMetaForStatus)', async () => {
    const r = setup();
    const fs = await r.create(flowSchema, undefined, { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema', metadata: { name: 'fs', labels: { app: 'web' }, annotations: { a: '1' } }, spec: { priorityLevelConfiguration: { name: 'global-default' }, matchingPrecedence: 1000 } }, CTX);
    const out = await viaStatus(r, flowSchema, fs, { priorityLevelConfiguration: { name: 'exempt' } }, { conditions: [{ type: 'Dangling', status: 'False' }] });
    expect(metaOf(out)).toEqual({ labels: { app: 'web' }, annotations: { a: '1' }, finalizers: undefined, ownerReferences: undefined });
    expect((out.spec as { priorityLevelConfiguration: { name: string } }).priorityLevelConfiguration.name).toBe('global-default');
    // a condition's lastTransitionTime is a metav1.Time, not a pointer: null when left out
    expect(out.status).toEqual({ conditions: [{ type: 'Dangling', status: 'False', lastTransitionTime: null }] });
    const vap = await r.create(validatingAdmissionPolicy, undefined, { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'p', ...META }, spec: { matchConstraints: { resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }] }, validations: [{ expression: 'true' }] } }, CTX);
    const after = await viaStatus(r, validatingAdmissionPolicy, vap, { validations: [{ expression: 'false' }] }, { observedGeneration: 1 });
    expect(metaOf(after)).toEqual(META);
    expect(after.status).toEqual({ observedGeneration: 1 });
  });

  it('persistentvolumes stamp lastPhaseTransitionTime on a phase change', async () => {
    const r = setup();
    const pv = await r.create(persistentVolume, undefined, {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } },
    }, { ...CTX });
    const later = { ...pv, status: { phase: 'Pending', lastPhaseTransitionTime: '2020-01-01T00:00:00Z' } };
    const stored = await r.storage.update(persistentVolume, later, Number(pv.metadata.resourceVersion));
    const same = await viaStatus(r, persistentVolume, stored, stored.spec, { phase: 'Pending' });
    expect(same.status).toEqual({ phase: 'Pending', lastPhaseTransitionTime: '2020-01-01T00:00:00Z' });
    const moved = await viaStatus(r, persistentVolume, same, same.spec, { phase: 'Available', lastPhaseTransitionTime: '2020-01-01T00:00:00Z' });
    expect(moved.status).toEqual({ phase: 'Available', lastPhaseTransitionTime: NOW });
  });
});

describe('certificatesigningrequests', () => {
  /** openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=alice/O=dev (key discarded). */
  const REQUEST = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlIWU1JR0FBZ0VBTUI0eERqQU1CZ05WQkFNTUJXRnNhV05sTVF3d0NnWURWUVFLREFOa1pYWXdXVEFUQmdjcQpoa2pPUFFJQkJnZ3Foa2pPUFFNQkJ3TkNBQVQxVDc5ckY2cXE5RkxTT1ViSjRoRjRoTkRPT1NXdVFqK2FqVkVUCnJhV1JPVHdsbmRnbUUzRkxIZmQ3aktpOEFFb1B2N2R6Zk9jSnF4Uk8vTWtvVVdaUG9BQXdDZ1lJS29aSXpqMEUKQXdJRFJ3QXdSQUlnRUNXcFRwQm9scW5KSXV4UTJYdzE4RHQ0R29aVThBQ3NZS2JMMGRmL0ZUQUNJRlNkeGdNWgptSnRPZlV2enRYZG1UM0Z3d2gyRXkza2JGSjBqaElHUUNMN0YKLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0tLS0tCg==';
  const CSR: KObject = {
    apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name: 'csr' },
    spec: { request: REQUEST, signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'] },
  };
  const approved = { type: 'Approved', status: 'True', reason: 'KubectlApprove', message: 'ok' };

  it('/approval takes only the conditions, with their timestamps filled in; /status keeps an Approved condition', async () => {
    const r = setup();
    const csr = await r.create(certificateSigningRequest, undefined, CSR, CTX);
    const out = await viaStatus(r, certificateSigningRequest, csr, { ...(csr.spec as object), usages: ['server auth'] }, { certificate: 'Zm9v', conditions: [approved] }, 'approval');
    expect(out.status).toEqual({ conditions: [{ ...approved, lastUpdateTime: NOW, lastTransitionTime: NOW }] });
    expect((out.spec as { usages: string[] }).usages).toEqual(['client auth']);
    expect(out.metadata.labels).toEqual(CHANGED.labels);
    const issued = await viaStatus(r, certificateSigningRequest, out, out.spec, { certificate: 'Zm9v', conditions: [{ ...approved, message: 'changed' }] });
    expect(issued.status).toEqual({ certificate: 'Zm9v', conditions: [{ ...approved, lastUpdateTime: NOW, lastTransitionTime: NOW }] });
  });

  it('a write through the resource keeps both spec and status', async () => {
    const r = setup();
    const csr = await r.create(certificateSigningRequest, undefined, CSR, CTX);
    const out = await r.guaranteedUpdate(certificateSigningRequest, undefined, 'csr', CTX, 'main', (cur) => ({
      ...cur, metadata: { ...cur.metadata, labels: { x: 'y' } }, spec: { ...(cur.spec as object), usages: ['server auth'] }, status: { conditions: [approved] },
    }));
    expect(out.spec).toEqual(csr.spec);
    expect(out.status).toEqual(csr.status);
    expect(out.metadata.labels).toEqual({ x: 'y' });
  });
});

describe('writes through the resource', () => {
  it('a deployment bumps generation on an annotation change, not on a label change', async () => {
    const r = setup();
    const spec = { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } };
    await r.create(deployment, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec }, CTX);
    const labelled = await r.guaranteedUpdate(deployment, 'default', 'web', CTX, 'main', (cur) => ({ ...cur, metadata: { ...cur.metadata, labels: { a: 'b' } } }));
    expect(labelled.metadata.generation).toBe(1);
    const annotated = await r.guaranteedUpdate(deployment, 'default', 'web', CTX, 'main', (cur) => ({ ...cur, metadata: { ...cur.metadata, annotations: { a: 'b' } } }));
    expect(annotated.metadata.generation).toBe(2);
    const viaStatusToo = await r.guaranteedUpdate(deployment, 'default', 'web', CTX, 'status', (cur) => ({ ...cur, metadata: { ...cur.metadata, annotations: { a: 'c' } } }));
    expect(viaStatusToo.metadata).toMatchObject({ generation: 2, annotations: { a: 'c' } });
  });

  it('keep the stored status; a write that changes nothing is no write', async () => {
    const r = setup();
    const n = await r.create(node, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: {}, status: { phase: 'Running' } }, CTX);
    const out = await r.guaranteedUpdate(node, undefined, 'n1', CTX, 'main', (cur) => ({ ...cur, metadata: { ...cur.metadata, labels: { a: 'b' } }, status: { phase: 'Pending' } }));
    expect(out.status).toEqual(n.status);
    expect(out.metadata.labels).toEqual({ a: 'b' });
    const again = await r.guaranteedUpdate(node, undefined, 'n1', CTX, 'status', (cur) => ({ ...cur }));
    expect(again.metadata.resourceVersion).toBe(out.metadata.resourceVersion);
  });
});

describe('namespaces', () => {
  it('a write through the resource keeps spec.finalizers and status; /finalize changes the finalizers', async () => {
    const r = setup();
    await r.create(namespace, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, spec: { finalizers: ['kubernetes', 'example.com/x'] } }, CTX);
    const main = await r.guaranteedUpdate(namespace, undefined, 'dev', CTX, 'main', (cur) => ({ ...cur, metadata: { ...cur.metadata, labels: { a: 'b' } }, spec: {}, status: { phase: 'Terminating' } }));
    expect(main.spec).toEqual({ finalizers: ['kubernetes', 'example.com/x'] });
    expect(main.status).toEqual({ phase: 'Active' });
    expect(main.metadata.labels).toEqual({ a: 'b', 'kubernetes.io/metadata.name': 'dev' });
    const fin = await r.guaranteedUpdate(namespace, undefined, 'dev', CTX, 'finalize', (cur) => ({ ...cur, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating' } }));
    expect(fin.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(fin.status).toEqual({ phase: 'Active' });
  });
});

describe('reset fields (GetResetFields) for the field manager', () => {
  it.each([
    [pod, 'status', ['spec', 'metadata.deletionTimestamp', 'metadata.ownerReferences']],
    [deployment, 'status', ['spec', 'metadata.labels']],
    [deployment, 'main', ['status']],
    [node, 'status', ['spec']],
    [volumeAttachment, 'status', ['metadata', 'spec']],
    [customResourceDefinition, 'status', ['metadata', 'spec']],
    [certificateSigningRequest, 'main', ['spec', 'status']],
    [certificateSigningRequest, 'approval', ['spec', 'status.certificate']],
    [configMap, 'main', undefined],
  ] as const)('%# %s', (d, endpoint, want) => {
    expect(resetFieldsOf(d, endpoint)).toEqual(want);
  });
});

describe('deletion metadata on update (BeforeUpdate, ValidateObjectMetaUpdate)', () => {
  const update = (r: Registry, meta: Record<string, unknown>) =>
    r.guaranteedUpdate(configMap, 'default', 'c', CTX, 'main', (cur) => ({ ...cur, metadata: { ...cur.metadata, ...meta } }));
  const failure = (p: Promise<unknown>) => p.then(() => 'written', (e: Error) => e.message);

  it('refuses a deletion timestamp or grace period set on an object that is not being deleted', async () => {
    const r = setup();
    await r.create(configMap, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }, CTX);
    expect(await failure(update(r, { deletionTimestamp: '2026-11-24T16:00:00Z' })))
      .toBe('ConfigMap "c" is invalid: metadata.deletionTimestamp: Invalid value: 2026-11-24 16:00:00 +0000 UTC: field is immutable');
    expect(await failure(update(r, { deletionGracePeriodSeconds: 30 })))
      .toBe('ConfigMap "c" is invalid: metadata.deletionGracePeriodSeconds: Invalid value: 30: field is immutable');
  });

  it('keeps a deletion timestamp once set, whatever the update says', async () => {
    const r = setup();
    await r.create(configMap, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['example.com/f'] } }, CTX);
    await r.delete(configMap, 'default', 'c', {}, CTX);
    const out = await update(r, { deletionTimestamp: undefined, labels: { x: 'y' } });
    expect(out.metadata).toMatchObject({ deletionTimestamp: NOW, deletionGracePeriodSeconds: 0, labels: { x: 'y' } });
  });
});
