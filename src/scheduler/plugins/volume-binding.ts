// VolumeBinding: a pod's claims must exist; Immediate-mode claims must already be bound; a bound
// claim's volume must allow the node (PV node affinity); a WaitForFirstConsumer claim needs an
// available PV that fits it on the node, or a provisioner (and allowedTopologies) that can make one
// there. PreBind then claims the chosen PV (spec.claimRef) or asks for provisioning by annotating
// the claim with volume.kubernetes.io/selected-node.
import type { Client, Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { Handle } from '../handle.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { termsMatch, type NodeSelectorTerm } from '../selectors.js';
import { readResourceList } from '../../api/quantity/resource-list.js';
import { quantityValue } from '../../api/validation/quantity.js';
import { fromLabelSelector, matchesLabels } from '../../api/selectors/labels.js';
import { SKIP, unresolvable, type CycleState, type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type StateData, type Status } from '../types.js';

export const VOLUME_BINDING = 'VolumeBinding';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const STATE_KEY = `PreFilter${VOLUME_BINDING}`;

interface Decision {
  bind: [Obj, Obj][];
  provision: Obj[];
}

class VolumeState implements StateData {
  readonly decisions = new Map<string, Decision>();
  constructor(readonly bound: Obj[], readonly delayed: Obj[]) {}
  clone(): VolumeState {
    return this;
  }
}

type PvcSpec = { volumeName?: string; storageClassName?: string; accessModes?: string[]; volumeMode?: string; resources?: { requests?: unknown }; selector?: Parameters<typeof fromLabelSelector>[0] };
type PvSpec = PvcSpec & { claimRef?: { namespace?: string; name?: string; uid?: string }; capacity?: unknown; nodeAffinity?: { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } } };

const pvcSpec = (o: Obj): PvcSpec => (o.spec ?? {}) as PvcSpec;
const pvSpec = (o: Obj): PvSpec => (o.spec ?? {}) as PvSpec;
const classOf = (pvc: Obj): string => pvcSpec(pvc).storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
const storage = (list: unknown): number => {
  const q = readResourceList(list).get('storage');
  return q ? Number(quantityValue(q)) : 0;
};

function isBound(pvc: Obj): boolean {
  const done = pvc.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined || (pvc.status as { phase?: string } | undefined)?.phase === 'Bound';
  return !!pvcSpec(pvc).volumeName && done;
}

function pvAllowsNode(pv: Obj, node: NodeInfo): boolean {
  const terms = pvSpec(pv).nodeAffinity?.required?.nodeSelectorTerms;
  return !terms || termsMatch(terms, node.name, node.labels);
}

/** FindMatchingVolume: the smallest available PV that satisfies the claim on the node. */
function matchingVolume(pvc: Obj, pvs: Obj[], node: NodeInfo, taken: Set<string>): Obj | undefined {
  const want = pvcSpec(pvc);
  const need = storage(want.resources?.requests);
  let best: Obj | undefined;
  let bestSize = Infinity;
  for (const pv of pvs) {
    const s = pvSpec(pv);
    const ref = s.claimRef;
    if (taken.has(pv.metadata.name ?? '') || pv.metadata.deletionTimestamp) continue;
    if (ref ? ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace : (pv.status as { phase?: string } | undefined)?.phase !== 'Available') continue;
    if ((s.storageClassName ?? '') !== classOf(pvc) || (s.volumeMode ?? 'Filesystem') !== (want.volumeMode ?? 'Filesystem')) continue;
    if (!(want.accessModes ?? []).every((m) => (s.accessModes ?? []).includes(m))) continue;
    if (want.selector && !matchesLabels(fromLabelSelector(want.selector), pv.metadata.labels)) continue;
    const size = storage(s.capacity);
    if (size < need || size >= bestSize || !pvAllowsNode(pv, node)) continue;
    best = pv;
    bestSize = size;
  }
  return best;
}

function canProvision(pvc: Obj, node: NodeInfo, h: Handle): boolean {
  const sc = h.listers.storageClasses.get(classOf(pvc));
  if (!sc || (sc as { provisioner?: string }).provisioner === NO_PROVISIONER) return false;
  const topologies = (sc as { allowedTopologies?: { matchLabelExpressions?: { key: string; values: string[] }[] }[] }).allowedTopologies;
  if (!topologies?.length) return true;
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(node.labels[e.key] ?? '\u0000')));
}

/** The claim, or why the pod cannot use it. */
function lookupClaim(h: Handle, pod: PodInfo, c: PodInfo['claims'][number]): { pvc: Obj } | { status: Status } {
  const name = c.key.slice(c.key.indexOf('/') + 1);
  const pvc = h.listers.pvcs.get(c.key);
  if (!pvc) return { status: unresolvable(c.ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"` : `persistentvolumeclaim "${name}" not found`) };
  if (pvc.metadata.deletionTimestamp) return { status: unresolvable(`persistentvolumeclaim "${name}" is being deleted`) };
  if (c.ephemeral && !pvc.metadata.ownerReferences?.some((r) => r.controller && r.uid === pod.uid)) {
    return { status: unresolvable(`PVC ${c.key} was not created for pod ${pod.key} (pod is not owner)`) };
  }
  return { pvc };
}

const isDelayed = (pvc: Obj, h: Handle): boolean =>
  !pvcSpec(pvc).volumeName && (h.listers.storageClasses.get(classOf(pvc)) as { volumeBindingMode?: string } | undefined)?.volumeBindingMode === 'WaitForFirstConsumer';

function preFilter(state: CycleState, pod: PodInfo, h: Handle): PreFilterResult | null {
  if (pod.claims.length === 0) return { status: SKIP };
  const bound: Obj[] = [];
  const delayed: Obj[] = [];
  let immediate = 0;
  for (const c of pod.claims) {
    const r = lookupClaim(h, pod, c);
    if ('status' in r) return r;
    if (isBound(r.pvc)) bound.push(r.pvc);
    else if (isDelayed(r.pvc, h)) delayed.push(r.pvc);
    else immediate++;
  }
  if (immediate > 0) return { status: unresolvable(ERR_REASON_UNBOUND_IMMEDIATE) };
  state.write(STATE_KEY, new VolumeState(bound, delayed));
  return null;
}

function filter(state: CycleState, node: NodeInfo, h: Handle): Status | null {
  const s = state.read<VolumeState>(STATE_KEY);
  if (!s) return null;
  const reasons = new Set<string>();
  for (const pvc of s.bound) {
    const pv = h.listers.pvs.get(pvcSpec(pvc).volumeName ?? '');
    if (!pv) reasons.add(ERR_REASON_PV_NOT_EXIST);
    else if (!pvAllowsNode(pv, node)) reasons.add(ERR_REASON_NODE_CONFLICT);
  }
  const decision: Decision = { bind: [], provision: [] };
  const taken = new Set<string>();
  const pvs = s.delayed.length ? h.listers.pvs.list() : [];
  for (const pvc of s.delayed) {
    const pv = matchingVolume(pvc, pvs, node, taken);
    if (pv) {
      taken.add(pv.metadata.name ?? '');
      decision.bind.push([pvc, pv]);
    } else if (canProvision(pvc, node, h)) decision.provision.push(pvc);
    else reasons.add(ERR_REASON_BIND_CONFLICT);
  }
  if (reasons.size) return unresolvable(...reasons);
  s.decisions.set(node.name, decision);
  return null;
}

/** BindPodVolumes: claims the chosen PVs and asks for provisioning on the node. */
export async function bindPodVolumes(state: CycleState, nodeName: string, client: Client): Promise<void> {
  const d = state.read<VolumeState>(STATE_KEY)?.decisions.get(nodeName);
  if (!d) return;
  for (const [pvc, pv] of d.bind) {
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
    const next = { ...pv, metadata: { ...pv.metadata, annotations: { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' } }, spec: { ...pvSpec(pv), claimRef } };
    await client.update(REFS.persistentvolumes, next);
  }
  for (const pvc of d.provision) {
    const next = { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [ANN_SELECTED_NODE]: nodeName } } };
    await client.update(REFS.persistentvolumeclaims, next);
  }
}

export function volumeBinding(h: Handle): PreFilterPlugin & FilterPlugin {
  return {
    name: VOLUME_BINDING,
    preFilter: (state, pod) => preFilter(state, pod, h),
    filter: (state, _pod, node) => filter(state, node, h),
  };
}
