// rollingUpdate: without surge, delete old pods (unavailable ones first) while no more than
// maxUnavailable nodes lack an available pod, and let manage recreate them; with maxSurge,
// start new pods beside old ones (up to maxSurge at once) and delete each old pod once its
// replacement is available.
import { isPodAvailable } from '../framework/pods.js';
import { nodeToDaemonPods, type DsDeps, type DsPod, type DsSync } from './deps.js';
import { isPodUpdated, syncNodes } from './manage.js';
import { nodeShouldRunDaemonPod } from './scheduling.js';
import { scaledValue } from './backoff.js';

/** findUpdatedPodsOnNode: at most one live new and one live old pod, else undefined. */
function splitOnNode(s: DsSync, pods: DsPod[]): { neu?: DsPod; old?: DsPod } | undefined {
  let neu: DsPod | undefined;
  let old: DsPod | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(s.ds, p, s.hash)) {
      if (neu) return undefined;
      neu = p;
    } else {
      if (old) return undefined;
      old = p;
    }
  }
  return { neu, old };
}

/** updatedDesiredNodeCounts: maxSurge, maxUnavailable (1 if both are 0) and desired count. */
function counts(s: DsSync, byNode: Map<string, DsPod[]>): { maxSurge: number; maxUnavailable: number; desired: number } {
  let desired = 0;
  for (const n of s.nodes) {
    if (!nodeShouldRunDaemonPod(n, s.ds)[0]) continue;
    desired++;
    if (!byNode.has(n.metadata.name ?? '')) byNode.set(n.metadata.name ?? '', []);
  }
  const ru = s.ds.spec?.updateStrategy?.rollingUpdate;
  const maxSurge = scaledValue(ru?.maxSurge, desired, true) || 0;
  let maxUnavailable = scaledValue(ru?.maxUnavailable, desired, true) || 0;
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desired };
}

function withoutSurge(d: DsDeps, s: DsSync, byNode: Map<string, DsPod[]>, maxUnavailable: number): string[] {
  const available = (p: DsPod) => isPodAvailable(p, s.ds.spec?.minReadySeconds ?? 0, d.now());
  let unavailable = 0;
  const replace: string[] = [];
  const candidates: string[] = [];
  for (const pods of byNode.values()) {
    const r = splitOnNode(s, pods);
    if (!r || (!r.old && !r.neu) || (r.old && r.neu)) unavailable++;
    else if (r.neu) unavailable += available(r.neu) ? 0 : 1;
    else if (r.old && !available(r.old)) replace.push(r.old.metadata.name ?? ''), unavailable++;
    else if (r.old && unavailable < maxUnavailable) candidates.push(r.old.metadata.name ?? '');
  }
  const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  return [...replace, ...candidates.slice(0, room)];
}

function withSurge(d: DsDeps, s: DsSync, byNode: Map<string, DsPod[]>, c: { maxSurge: number; desired: number }): { del: string[]; create: string[] } {
  const available = (p: DsPod) => isPodAvailable(p, s.ds.spec?.minReadySeconds ?? 0, d.now());
  const shouldRun = (node: string) => { const n = s.nodes.find((x) => x.metadata.name === node); return !!n && nodeShouldRunDaemonPod(n, s.ds)[0]; };
  const del: string[] = [];
  const sunset: string[] = [];
  const allowed: string[] = [];
  const candidates: string[] = [];
  let surge = 0;
  let numAvailable = 0;
  for (const [node, pods] of byNode) {
    const r = splitOnNode(s, pods);
    if (!r) { surge++; continue; }
    const counted = r.old ?? r.neu;
    if (counted && available(counted)) numAvailable++;
    if (!r.old) continue;
    if (r.neu) {
      if (!available(r.neu)) surge++;
      else del.push(r.old.metadata.name ?? '');
    } else if (!available(r.old)) {
      if (shouldRun(node)) allowed.push(node);
      else del.push(r.old.metadata.name ?? '');
    } else if (!shouldRun(node)) sunset.push(r.old.metadata.name ?? '');
    else if (surge < c.maxSurge) candidates.push(node);
  }
  const deletable = Math.min(Math.max(0, numAvailable - c.desired), sunset.length);
  del.push(...sunset.slice(0, deletable));
  const room = Math.min(Math.max(0, c.maxSurge - surge), candidates.length);
  return { del, create: [...allowed, ...candidates.slice(0, room)] };
}

export async function rollingUpdate(d: DsDeps, s: DsSync): Promise<void> {
  const byNode = nodeToDaemonPods(d, s.ds);
  const c = counts(s, byNode);
  if (c.maxSurge === 0) return syncNodes(d, s, withoutSurge(d, s, byNode, c.maxUnavailable), []);
  const r = withSurge(d, s, byNode, c);
  return syncNodes(d, s, r.del, r.create);
}
