// SetDefaults_PodSpec and everything the generated defaulter reaches inside a pod spec:
// containers, probes, handlers, ports, env field refs, volumes and resource quantities.
import { has, isObject, obj, objs, str, type JsonObject } from '../validation/json.js';
import { canonicalQuantityValue, defaultResourceLists } from './quantities.js';
import { defaultPullPolicy } from './image.js';

const setIfAbsent = (o: JsonObject, k: string, v: unknown): void => {
  if (o[k] === undefined || o[k] === null || o[k] === '') o[k] = v;
};

function defaultHandler(h: unknown): void {
  if (!isObject(h)) return;
  if (isObject(h.httpGet)) {
    setIfAbsent(h.httpGet, 'path', '/');
    setIfAbsent(h.httpGet, 'scheme', 'HTTP');
  }
  if (isObject(h.grpc) && h.grpc.service === undefined) h.grpc.service = '';
}

function defaultProbe(p: unknown): void {
  if (!isObject(p)) return;
  defaultHandler(p);
  for (const [k, v] of [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const) {
    if (!p[k]) p[k] = v;
  }
}

function defaultFieldRef(ref: unknown): void {
  if (isObject(ref)) setIfAbsent(ref, 'apiVersion', 'v1');
}

function defaultContainer(c: JsonObject): void {
  setIfAbsent(c, 'imagePullPolicy', defaultPullPolicy(str(c.image)));
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  for (const p of objs(c.ports)) setIfAbsent(p, 'protocol', 'TCP');
  for (const e of objs(c.env)) defaultFieldRef(obj(e.valueFrom).fieldRef);
  if (!isObject(c.resources)) c.resources = {};
  defaultResourceLists(obj(c.resources), ['limits', 'requests']);
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[k]);
  if (isObject(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
}

const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];

function defaultProjected(src: JsonObject): void {
  setIfAbsent(src, 'defaultMode', 420);
  for (const s of objs(src.sources)) {
    if (isObject(s.serviceAccountToken)) setIfAbsent(s.serviceAccountToken, 'expirationSeconds', 3600);
    for (const item of objs(obj(s.downwardAPI).items)) defaultFieldRef(item.fieldRef);
  }
}

/** The volume-source defaults shared by pod volumes and persistent volumes. */
export function defaultVolumeSource(v: JsonObject): void {
  if (isObject(v.hostPath) && v.hostPath.type === undefined) v.hostPath.type = '';
  if (isObject(v.iscsi)) setIfAbsent(v.iscsi, 'iscsiInterface', 'default');
  if (isObject(v.rbd)) for (const [k, d] of [['pool', 'rbd'], ['user', 'admin'], ['keyring', '/etc/ceph/keyring']]) setIfAbsent(v.rbd, k!, d);
  if (isObject(v.azureDisk)) for (const [k, d] of [['cachingMode', 'ReadWrite'], ['fsType', 'ext4'], ['kind', 'Shared']]) setIfAbsent(v.azureDisk, k!, d);
  if (isObject(v.azureDisk) && v.azureDisk.readOnly === undefined) v.azureDisk.readOnly = false;
  if (isObject(v.scaleIO)) for (const [k, d] of [['storageMode', 'ThinProvisioned'], ['fsType', 'xfs']]) setIfAbsent(v.scaleIO, k!, d);
}

function defaultVolume(v: JsonObject): void {
  if (!VOLUME_SOURCES.some((k) => has(v, k))) v.emptyDir = {};
  defaultVolumeSource(v);
  for (const k of ['secret', 'configMap', 'downwardAPI']) if (isObject(v[k])) setIfAbsent(v[k] as JsonObject, 'defaultMode', 420);
  for (const item of objs(obj(v.downwardAPI).items)) defaultFieldRef(item.fieldRef);
  if (isObject(v.projected)) defaultProjected(v.projected);
  if (isObject(v.emptyDir) && v.emptyDir.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonicalQuantityValue(v.emptyDir.sizeLimit);
  const claimSpec = obj(obj(obj(v.ephemeral).volumeClaimTemplate).spec);
  if (isObject(obj(v.ephemeral).volumeClaimTemplate)) {
    setIfAbsent(claimSpec, 'volumeMode', 'Filesystem');
    defaultResourceLists(obj(claimSpec.resources), ['limits', 'requests']);
  }
}

/** SetDefaults_PodSpec plus the nested defaults (used for pods and every pod template). */
export function defaultPodSpec(spec: JsonObject): void {
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'restartPolicy', 'Always');
  if (!isObject(spec.securityContext)) spec.securityContext = {};
  if (typeof spec.terminationGracePeriodSeconds !== 'number') spec.terminationGracePeriodSeconds = 30;
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  for (const k of ['containers', 'initContainers', 'ephemeralContainers']) for (const c of objs(spec[k])) defaultContainer(c);
  for (const v of objs(spec.volumes)) defaultVolume(v);
  defaultResourceLists(spec, ['overhead']);
}

/** A pod template: its spec gets the pod spec defaults (Pod-only defaults do not apply). */
export function defaultPodTemplateSpec(template: unknown): void {
  if (!isObject(template)) return;
  const spec: JsonObject = isObject(template.spec) ? template.spec : {};
  template.spec = spec;
  defaultPodSpec(spec);
}

