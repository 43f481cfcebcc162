// How many pods a PodDisruptionBudget expects and needs healthy (the disruption controller's
// getExpectedPodCount, v1.32): minAvailable as an integer counts the selected pods; a percentage
// or maxUnavailable takes the scale of the pods' controllers — ReplicationController,
// Deployment (through its ReplicaSet), ReplicaSet, StatefulSet, else any scale subresource.
import type { Client, Obj, OwnerRef, ResourceRef } from '../../client/types.js';
import { isNotFound } from '../../client/types.js';
import { findByKind } from '../../api/resources/index.js';
import { controllerOf } from '../framework/pods.js';

export type IntOrString = number | string;

export interface PdbSpec {
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | null;
}

/** The listers the finders read (namespace, name → object). */
export interface Workloads {
  rc(ns: string, name: string): Obj | undefined;
  rs(ns: string, name: string): Obj | undefined;
  deployment(ns: string, name: string): Obj | undefined;
  statefulset(ns: string, name: string): Obj | undefined;
  client: Client;
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (!v.endsWith('%')) throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) throw new Error(`invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`);
  const x = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const replicas = (o: Obj): number => ((o.spec as { replicas?: number } | undefined)?.replicas ?? 1);

interface Found { uid: string; scale: number }

type Finder = (ref: OwnerRef, ns: string, w: Workloads) => Promise<Found | undefined>;

/** The object named by ref, if it is the one ref points at (same uid). */
const same = (o: Obj | undefined, ref: OwnerRef): Obj | undefined => (o && o.metadata.uid === ref.uid ? o : undefined);
const isKind = (ref: OwnerRef, kind: string, groups: string[]) => ref.kind === kind && groups.includes(groupOf(ref.apiVersion));

const findRC: Finder = async (ref, ns, w) => {
  const rc = isKind(ref, 'ReplicationController', ['']) ? same(w.rc(ns, ref.name), ref) : undefined;
  return rc && { uid: ref.uid, scale: replicas(rc) };
};

const findDeployment: Finder = async (ref, ns, w) => {
  const rs = isKind(ref, 'ReplicaSet', ['apps', 'extensions']) ? same(w.rs(ns, ref.name), ref) : undefined;
  const owner = rs && controllerOf(rs);
  if (!owner || !isKind(owner, 'Deployment', ['apps', 'extensions'])) return undefined;
  const d = same(w.deployment(ns, owner.name), owner);
  return d && { uid: owner.uid, scale: replicas(d) };
};

const findRS: Finder = async (ref, ns, w) => {
  const rs = isKind(ref, 'ReplicaSet', ['apps', 'extensions']) ? same(w.rs(ns, ref.name), ref) : undefined;
  if (!rs || controllerOf(rs)?.kind === 'Deployment') return undefined;
  return { uid: ref.uid, scale: replicas(rs) };
};

const findSTS: Finder = async (ref, ns, w) => {
  const ss = isKind(ref, 'StatefulSet', ['apps']) ? same(w.statefulset(ns, ref.name), ref) : undefined;
  return ss && { uid: ref.uid, scale: replicas(ss) };
};

/** getScaleController: the owner's scale subresource, through the RESTMapper. */
const findScale: Finder = async (ref, ns, w) => {
  const group = groupOf(ref.apiVersion);
  const version = ref.apiVersion.slice(ref.apiVersion.indexOf('/') + 1);
  const d = findByKind(group, version, ref.kind);
  if (!d) throw new Error(`no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`);
  const gr = group ? `${d.plural}.${group}` : d.plural;
  if (!d.subresources.scale) throw new Error(`${gr} does not implement the scale subresource`);
  const rref: ResourceRef = { group, version, resource: d.plural, kind: d.kind, namespaced: d.namespaced };
  try {
    const scale = await w.client.get(rref, ns, ref.name, 'scale');
    if (scale.metadata.uid !== ref.uid) return undefined;
    return { uid: ref.uid, scale: (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0 };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
};

const FINDERS: Finder[] = [findRC, findDeployment, findRS, findSTS, findScale];

/** getExpectedScale: the summed scale of the pods' controllers; pods without one are unmanaged. */
export async function expectedScale(pods: Obj[], w: Workloads): Promise<{ expected: number; unmanaged: string[] }> {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name ?? '');
      continue;
    }
    if (scales.has(ref.uid)) continue;
    let found: Found | undefined;
    for (const f of FINDERS) if ((found = await f(ref, pod.metadata.namespace ?? '', w))) break;
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata.name}"`);
    scales.set(found.uid, found.scale);
  }
  return { expected: [...scales.values()].reduce((a, b) => a + b, 0), unmanaged };
}

export interface Expectation {
  expected: number;
  desiredHealthy: number;
  unmanaged: string[];
}

/** getExpectedPodCount. */
export async function expectedPodCount(spec: PdbSpec, pods: Obj[], w: Workloads): Promise<Expectation> {
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const { expected, unmanaged } = await expectedScale(pods, w);
    const maxUnavailable = scaledValue(spec.maxUnavailable, expected, true);
    return { expected, desiredHealthy: Math.max(0, expected - maxUnavailable), unmanaged };
  }
  if (typeof spec.minAvailable === 'number') return { expected: pods.length, desiredHealthy: spec.minAvailable, unmanaged: [] };
  if (typeof spec.minAvailable === 'string') {
    const { expected, unmanaged } = await expectedScale(pods, w);
    return { expected, desiredHealthy: scaledValue(spec.minAvailable, expected, true), unmanaged };
  }
  return { expected: 0, desiredHealthy: 0, unmanaged: [] };
}
