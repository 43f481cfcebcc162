// What the node lifecycle controller concludes about a node whose kubelet went quiet: the
// conditions it sets to Unknown (monitorNodeHealth), and the taints each condition implies.
import type { Condition, NodeObj, Taint } from './types.js';

const WATCHED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The node's conditions once its grace period has passed without a heartbeat. */
export function unknownConditions(conds: Condition[], now: string): Condition[] {
  const out = conds.map((c) => ({ ...c }));
  for (const type of WATCHED) {
    const c = out.find((x) => x.type === type);
    if (!c) {
      out.push({ type, status: 'Unknown', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = now;
    }
  }
  return out;
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const MANAGED = new Set([NOT_READY, UNREACHABLE, 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/network-unavailable', 'node.kubernetes.io/unschedulable']);

function conditionTaints(node: NodeObj): Taint[] {
  const cond = (t: string) => node.status?.conditions?.find((c) => c.type === t)?.status;
  const out: Taint[] = [];
  const ready = cond('Ready');
  if (ready === 'False') out.push({ key: NOT_READY, effect: 'NoSchedule' }, { key: NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') out.push({ key: UNREACHABLE, effect: 'NoSchedule' }, { key: UNREACHABLE, effect: 'NoExecute' });
  if (cond('MemoryPressure') === 'True') out.push({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' });
  if (cond('DiskPressure') === 'True') out.push({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' });
  if (cond('PIDPressure') === 'True') out.push({ key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' });
  if (cond('NetworkUnavailable') === 'True') out.push({ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' });
  if (node.spec?.unschedulable) out.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  return out;
}

const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** The node's taints with the condition taints made to match its conditions (others untouched). */
export function desiredTaints(node: NodeObj, now: string): Taint[] {
  const current = node.spec?.taints ?? [];
  const want = conditionTaints(node);
  const kept = current.filter((t) => !MANAGED.has(t.key) || want.some((w) => same(w, t)));
  for (const w of want) {
    if (kept.some((t) => same(t, w))) continue;
    kept.push(w.effect === 'NoExecute' ? { ...w, timeAdded: now } : w);
  }
  return kept;
}
