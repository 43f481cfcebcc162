// What a pod makes its node's kubelet need (the Node authorizer's graph edges): the secrets,
// configmaps, PVCs and service account a pod bound to the node references.
import type { KObject } from '../types.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function containerRefs(c: Json, out: { secrets: Set<string>; configmaps: Set<string> }): void {
  for (const e of arr(c.env)) {
    const from = obj(e.valueFrom);
    const s = str(obj(from.secretKeyRef).name);
    const m = str(obj(from.configMapKeyRef).name);
    if (s) out.secrets.add(s);
    if (m) out.configmaps.add(m);
  }
  for (const e of arr(c.envFrom)) {
    const s = str(obj(e.secretRef).name);
    const m = str(obj(e.configMapRef).name);
    if (s) out.secrets.add(s);
    if (m) out.configmaps.add(m);
  }
}

function volumeRefs(v: Json, podName: string, out: { secrets: Set<string>; configmaps: Set<string>; persistentvolumeclaims: Set<string> }): void {
  const s = str(obj(v.secret).secretName);
  const m = str(obj(v.configMap).name);
  const c = str(obj(v.persistentVolumeClaim).claimName);
  if (s) out.secrets.add(s);
  if (m) out.configmaps.add(m);
  if (c) out.persistentvolumeclaims.add(c);
  if (v.ephemeral) out.persistentvolumeclaims.add(`${podName}-${String(v.name)}`);
  for (const src of arr(obj(v.projected).sources)) {
    const ps = str(obj(src.secret).name);
    const pm = str(obj(src.configMap).name);
    if (ps) out.secrets.add(ps);
    if (pm) out.configmaps.add(pm);
  }
  for (const key of ['csi', 'flexVolume', 'cephfs', 'rbd', 'iscsi', 'azureFile', 'scaleIO', 'storageos']) {
    const ref = obj(v[key]);
    const name = str(obj(ref.nodePublishSecretRef).name) ?? str(obj(ref.secretRef).name) ?? str(ref.secretName);
    if (name) out.secrets.add(name);
  }
}

/** The PVCs a pod's volumes claim (persistentVolumeClaim and generic ephemeral volumes). */
export function podClaimNames(pod: KObject): string[] {
  const out = { secrets: new Set<string>(), configmaps: new Set<string>(), persistentvolumeclaims: new Set<string>() };
  for (const v of arr(obj(pod.spec).volumes)) volumeRefs(v, pod.metadata.name ?? '', out);
  return [...out.persistentvolumeclaims];
}

/** Whether a pod references resource/name (resource: secrets, configmaps, persistentvolumeclaims, serviceaccounts). */
export function podReferences(pod: KObject, resource: string, name: string): boolean {
  const spec = obj(pod.spec);
  if (resource === 'serviceaccounts') return (str(spec.serviceAccountName) ?? 'default') === name;
  const out = { secrets: new Set<string>(), configmaps: new Set<string>(), persistentvolumeclaims: new Set<string>() };
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) for (const c of arr(spec[list])) containerRefs(c, out);
  for (const v of arr(spec.volumes)) volumeRefs(v, pod.metadata.name ?? '', out);
  for (const s of arr(spec.imagePullSecrets)) if (str(s.name)) out.secrets.add(String(s.name));
  return (out as Record<string, Set<string> | undefined>)[resource]?.has(name) ?? false;
}
