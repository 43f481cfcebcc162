// podutil.UpdatePodCondition, which the scheduler (PodScheduled=False, DisruptionTarget) and the
// apiserver's binding storage (PodScheduled=True) both use: the transition time kept while the
// status is unchanged, nothing to write when nothing changed.

export interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

/** The conditions with c set (now is RFC 3339), or undefined when that changes nothing. */
export function updatePodCondition(list: readonly PodCondition[], c: PodCondition, now: string): PodCondition[] | undefined {
  const i = list.findIndex((x) => x.type === c.type);
  const old = list[i];
  const next: PodCondition = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: now, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
  if (!old) return [...list, next];
  if (old.status === next.status) next.lastTransitionTime = old.lastTransitionTime ?? next.lastTransitionTime;
  const same = old.status === next.status && (old.reason ?? '') === (next.reason ?? '') && (old.message ?? '') === (next.message ?? '') && (old.lastProbeTime ?? null) === null;
  if (same) return undefined;
  const out = [...list];
  out[i] = next;
  return out;
}
