// Which pods a scale-down deletes first: upstream's ActivePodsWithRanks ordering, with the pod
// deletion cost annotation and logarithmic scale-down (both on by default in v1.32).
//  1. unassigned < assigned          5. more co-located related pods < fewer (the rank)
//  2. Pending < Unknown < Running    6. ready for less time < more (log2 buckets)
//  3. not ready < ready              7. more container restarts < fewer (then sidecar restarts)
//  4. lower deletion cost < higher   8. newer < older (log2 buckets), then by uid
import type { Obj } from '../../client/types.js';
import { isPodActive, isPodReady, podStatus } from '../framework/pods.js';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  pod: Obj;
  rank: number;
}

type Less = (a: RankedPod, b: RankedPod, now: number) => boolean | undefined;

const nodeOf = (p: Obj): string => ((p.spec ?? {}) as { nodeName?: string }).nodeName ?? '';
const phaseOrdinal = (p: Obj): number => PHASE_ORDINAL[podStatus(p).phase ?? ''] ?? 0;
const timeOf = (s: string | null | undefined): number => (s ? Date.parse(s) : 0);

/** The pod-deletion-cost annotation as an int32; 0 when absent or invalid. */
export function deletionCost(p: Obj): number {
  const v = p.metadata.annotations?.[POD_DELETION_COST];
  // No leading '+' or zero (validFirstDigit), then strconv.ParseInt(v, 10, 32).
  if (v === undefined || !(v[0] === '-' || v === '0' || /^[1-9]/.test(v)) || !/^-?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function readyTime(p: Obj): number {
  const c = podStatus(p).conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return timeOf(c?.lastTransitionTime);
}

function restarts(p: Obj): { regular: number; sidecar: number } {
  const st = (p.status ?? {}) as { containerStatuses?: { name: string; restartCount?: number }[]; initContainerStatuses?: { name: string; restartCount?: number }[] };
  const inits = ((p.spec ?? {}) as { initContainers?: { name: string; restartPolicy?: string }[] }).initContainers ?? [];
  const sidecars = new Set(inits.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const regular = Math.max(0, ...(st.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const sidecar = Math.max(0, ...(st.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0));
  return { regular, sidecar };
}

/** log2 of the age in nanoseconds, truncated; -1 for the future or now. */
const logRank = (t: number, now: number): number => (now - t > 0 ? Math.floor(Math.log2((now - t) * 1e6)) : -1);

/** Later (or zero) time first, in log2 buckets of age, ties by uid. */
function newerFirst(ta: number, tb: number, a: Obj, b: Obj, now: number): boolean | undefined {
  if (Math.floor(ta / 1000) === Math.floor(tb / 1000)) return undefined;
  if (!ta || !tb || !now) return ta === 0 || (tb !== 0 && ta > tb);
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
  return diff < 0;
}

const RULES: Less[] = [
  ({ pod: a }, { pod: b }) => (nodeOf(a) !== nodeOf(b) && (!nodeOf(a) || !nodeOf(b)) ? !nodeOf(a) : undefined),
  ({ pod: a }, { pod: b }) => (phaseOrdinal(a) !== phaseOrdinal(b) ? phaseOrdinal(a) < phaseOrdinal(b) : undefined),
  ({ pod: a }, { pod: b }) => (isPodReady(a) !== isPodReady(b) ? !isPodReady(a) : undefined),
  ({ pod: a }, { pod: b }) => (deletionCost(a) !== deletionCost(b) ? deletionCost(a) < deletionCost(b) : undefined),
  (a, b) => (a.rank !== b.rank ? a.rank > b.rank : undefined),
  ({ pod: a }, { pod: b }, now) => (isPodReady(a) && isPodReady(b) ? newerFirst(readyTime(a), readyTime(b), a, b, now) : undefined),
  ({ pod: a }, { pod: b }) => {
    const ra = restarts(a);
    const rb = restarts(b);
    if (ra.regular !== rb.regular) return ra.regular > rb.regular;
    return ra.sidecar !== rb.sidecar ? ra.sidecar > rb.sidecar : undefined;
  },
  ({ pod: a }, { pod: b }, now) => newerFirst(timeOf(a.metadata.creationTimestamp), timeOf(b.metadata.creationTimestamp), a, b, now),
];

/** ActivePodsWithRanks.Less: whether a should be deleted before b. */
export function deleteBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  for (const rule of RULES) {
    const r = rule(a, b, now);
    if (r !== undefined) return r;
  }
  return false;
}

/** Ranks each pod by how many active related pods share its node. */
export function rankByRelatedPodsOnSameNode(pods: Obj[], related: Obj[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(nodeOf(p), (onNode.get(nodeOf(p)) ?? 0) + 1);
  return pods.map((pod) => ({ pod, rank: onNode.get(nodeOf(pod)) ?? 0 }));
}

/** The diff pods to delete, best candidates first (no sorting when all go). */
export function podsToDelete(filtered: Obj[], related: Obj[], diff: number, now: number): Obj[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const ranked = rankByRelatedPodsOnSameNode(filtered, related);
  ranked.sort((a, b) => (deleteBefore(a, b, now) ? -1 : deleteBefore(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
