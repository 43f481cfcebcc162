// A ReplicaSet's (or ReplicationController's) status from the pods it controls: replicas,
// fullyLabeledReplicas (pods carrying every template label), readyReplicas, availableReplicas
// (ready for minReadySeconds), observedGeneration, and a ReplicaFailure condition while creating
// or deleting pods fails (FailedCreate / FailedDelete, the error as message).
import type { Client, Obj, ResourceRef } from '../../client/types.js';
import { isPodAvailable, isPodReady, podStatus, rfc3339 } from '../framework/pods.js';
import { desiredReplicas, specOf, statusOf, type ReplicaCondition, type ReplicaStatus } from './kinds.js';

export const REPLICA_FAILURE = 'ReplicaFailure';

function hasAllLabels(want: Record<string, string>, have: Record<string, string> | undefined): boolean {
  return Object.entries(want).every(([k, v]) => have?.[k] === v);
}

function failureConditions(rs: Obj, podCount: number, err: Error | undefined, now: number): ReplicaCondition[] | undefined {
  const current = statusOf(rs).conditions ?? [];
  const failure = current.find((c) => c.type === REPLICA_FAILURE);
  if (err && !failure) {
    const reason = podCount - desiredReplicas(rs) < 0 ? 'FailedCreate' : 'FailedDelete';
    return [...current, { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: err.message }];
  }
  if (!err && failure) {
    const rest = current.filter((c) => c.type !== REPLICA_FAILURE);
    return rest.length ? rest : undefined;
  }
  return current.length ? current : undefined;
}

/** Status fields in the API's order, zero values left out as omitempty does. */
export function statusJson(s: ReplicaStatus): ReplicaStatus {
  const out: ReplicaStatus = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions?.length) out.conditions = s.conditions;
  return out;
}

export function calculateStatus(rs: Obj, pods: Obj[], err: Error | undefined, now: number): ReplicaStatus {
  const labels = specOf(rs).template?.metadata?.labels ?? {};
  const minReady = specOf(rs).minReadySeconds ?? 0;
  return statusJson({
    replicas: pods.length,
    fullyLabeledReplicas: pods.filter((p) => hasAllLabels(labels, p.metadata.labels)).length,
    readyReplicas: pods.filter(isPodReady).length,
    availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
    observedGeneration: statusOf(rs).observedGeneration,
    conditions: failureConditions(rs, pods.length, err, now),
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function unchanged(rs: Obj, next: ReplicaStatus): boolean {
  const cur = statusOf(rs);
  const counts = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const;
  return counts.every((k) => (cur[k] ?? 0) === (next[k] ?? 0)) &&
    (rs.metadata.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    same(cur.conditions?.length ? cur.conditions : undefined, next.conditions);
}

/** Writes status through /status (one retry on a fresh read), unless nothing changed. */
export async function updateStatus(client: Client, ref: ResourceRef, rs: Obj, next: ReplicaStatus): Promise<Obj> {
  if (unchanged(rs, next)) return rs;
  const status = statusJson({ ...next, observedGeneration: rs.metadata.generation });
  try {
    return await client.update(ref, { ...rs, status }, { subresource: 'status' });
  } catch {
    const fresh = await client.get(ref, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
    const again = statusJson({ ...next, observedGeneration: fresh.metadata.generation });
    return client.update(ref, { ...fresh, status: again }, { subresource: 'status' });
  }
}

/** ms until the next ready pod becomes available, if one will. */
export function nextAvailableIn(rs: Obj, pods: Obj[], now: number): number | undefined {
  const minReady = specOf(rs).minReadySeconds ?? 0;
  if (!minReady) return undefined;
  let soonest: number | undefined;
  for (const p of pods) {
    if (!isPodReady(p) || isPodAvailable(p, minReady, now)) continue;
    const since = podStatus(p).conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
    if (!since) continue;
    const wait = Date.parse(since) + minReady * 1000 - now;
    soonest = soonest === undefined ? wait : Math.min(soonest, wait);
  }
  return soonest;
}
