// manage/syncNodes: for each node, create the daemon pod it lacks and delete the pods it should
// not run (failed ones after a back-off, succeeded ones, surplus ones, those on nodes it no
// longer fits). New pods carry the current hash and a required node affinity on their node's
// name, and are left for the scheduler to bind.
import { isNotFound } from '../../client/types.js';
import { isPodAvailable, isPodReady, podFromTemplate } from '../framework/pods.js';
import { createPod, deletePod, slowStart } from '../job/pod-control.js';
import { CONTROLLER_REVISION_HASH } from '../statefulset/history.js';
import { byCreation, nodeToDaemonPods, requeue, type DsDeps, type DsPod, type DsSync } from './deps.js';
import { nodeNameAffinity, nodeShouldRunDaemonPod, withDaemonTolerations } from './scheduling.js';
import { scaledValue } from './backoff.js';
import type { DaemonSet, Node } from './types.js';

export const BURST_REPLICAS = 250;
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** util.AllowsSurge: a RollingUpdate whose maxSurge is above zero. */
export function allowsSurge(ds: DaemonSet): boolean {
  const s = ds.spec?.updateStrategy;
  return s?.type === 'RollingUpdate' && scaledValue(s.rollingUpdate?.maxSurge, 1, true) > 0;
}

/** util.IsPodUpdated: the pod has the current hash (or the current template generation). */
export function isPodUpdated(ds: DaemonSet, p: DsPod, hash: string): boolean {
  const gen = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return (hash !== '' && p.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash) || (gen !== undefined && p.metadata.labels?.[TEMPLATE_GENERATION_LABEL] === gen);
}

function failedOrSucceeded(d: DsDeps, s: DsSync, node: Node, p: DsPod, del: string[]): boolean {
  const where = `${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}`;
  if (p.status?.phase === 'Failed') {
    const key = `${s.ds.metadata.uid}/${s.ds.status?.observedGeneration ?? 0}/${node.metadata.name}`;
    if (d.backoff.inBackoffSinceUpdate(key, d.now())) return requeue(s, d.backoff.get(key)), true;
    d.backoff.next(key, d.now());
    d.recorder.event(s.ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${where}, will try to kill it`);
    return del.push(p.metadata.name ?? ''), true;
  }
  if (p.status?.phase === 'Succeeded') {
    d.recorder.event(s.ds, 'Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${where}, will try to delete it`);
    return del.push(p.metadata.name ?? ''), true;
  }
  return false;
}

/** With surge: keep the oldest new pod and, while it is not yet available, the oldest old ready pod. */
function surgePrune(d: DsDeps, s: DsSync, running: DsPod[], del: string[]): void {
  let newest: DsPod | undefined;
  let oldest: DsPod | undefined;
  for (const p of running) {
    if (isPodUpdated(s.ds, p, s.hash) && !newest) newest = p;
    else if (!isPodUpdated(s.ds, p, s.hash) && !oldest) oldest = p;
    else del.push(p.metadata.name ?? '');
  }
  if (!newest || !oldest) return;
  if (!isPodReady(oldest) || isPodAvailable(newest, s.ds.spec?.minReadySeconds ?? 0, d.now())) del.push(oldest.metadata.name ?? '');
}

/** podsShouldBeOnNode: whether node needs a pod, and which pods on it go. */
export function podsShouldBeOnNode(d: DsDeps, s: DsSync, node: Node, byNode: Map<string, DsPod[]>): { create: boolean; del: string[] } {
  const [shouldRun, shouldContinue] = nodeShouldRunDaemonPod(node, s.ds);
  const pods = byNode.get(node.metadata.name ?? '');
  const del: string[] = [];
  if (shouldRun && !pods) return { create: true, del };
  if (!shouldContinue) return { create: false, del: (pods ?? []).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name ?? '') };
  const running = (pods ?? []).filter((p) => !p.metadata.deletionTimestamp && !failedOrSucceeded(d, s, node, p, del)).sort(byCreation);
  if (!allowsSurge(s.ds)) {
    for (const p of running.slice(1)) del.push(p.metadata.name ?? '');
    return { create: false, del };
  }
  if (running.length <= 1) return { create: running.length === 0 && shouldRun, del };
  surgePrune(d, s, running, del);
  return { create: false, del };
}

/** util.CreatePodTemplate: daemon tolerations, the hash label, and the generation label if the DaemonSet has one. */
function podTemplate(ds: DaemonSet, hash: string) {
  const t = structuredClone(ds.spec?.template ?? {});
  const gen = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  t.metadata = { ...t.metadata, labels: { ...t.metadata?.labels, ...(gen !== undefined ? { [TEMPLATE_GENERATION_LABEL]: gen } : {}), ...(hash ? { [CONTROLLER_REVISION_HASH]: hash } : {}) } };
  t.spec = withDaemonTolerations(t.spec ?? {});
  return t;
}

/** syncNodes: delete pods and create one pod per node, at most BURST_REPLICAS of each. */
export async function syncNodes(d: DsDeps, s: DsSync, del: string[], create: string[]): Promise<void> {
  const ds = s.ds;
  const ns = ds.metadata.namespace ?? '';
  const template = podTemplate(ds, s.hash);
  const made = await slowStart(create.slice(0, BURST_REPLICAS), async (node) => {
    const pod = podFromTemplate(template, ds);
    pod.spec = { ...(pod.spec as object), affinity: nodeNameAffinity(template.spec?.affinity, node) };
    const p = await createPod(d, ds, pod);
    d.expectations.expect(s.key, () => !!d.pods.getBy(ns, p.metadata.name ?? ''));
  });
  let error = made.error;
  for (const name of del.slice(0, BURST_REPLICAS)) {
    const uid = d.pods.getBy(ns, name)?.metadata.uid;
    try {
      await deletePod(d, ds, name);
      d.expectations.expect(s.key, () => { const p = d.pods.getBy(ns, name); return !p || p.metadata.uid !== uid || !!p.metadata.deletionTimestamp; });
    } catch (err) {
      if (!isNotFound(err)) error ??= err;
    }
  }
  if (error) throw error;
}

/** manage: reconcile every node, plus unscheduled pods bound for nodes that no longer exist. */
export async function manage(d: DsDeps, s: DsSync): Promise<void> {
  const byNode = nodeToDaemonPods(d, s.ds);
  const create: string[] = [];
  const del: string[] = [];
  for (const node of s.nodes) {
    const r = podsShouldBeOnNode(d, s, node, byNode);
    if (r.create) create.push(node.metadata.name ?? '');
    del.push(...r.del);
  }
  const names = new Set(s.nodes.map((n) => n.metadata.name));
  for (const [node, pods] of byNode) if (!names.has(node)) for (const p of pods) if (!p.spec?.nodeName) del.push(p.metadata.name ?? '');
  await syncNodes(d, s, del, create);
}
