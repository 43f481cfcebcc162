// StatefulSet status: replica counts by state and revision, the revisions, and — once every
// replica is updated and ready — currentRevision moved to updateRevision (completeRollingUpdate).
import { isConflict, type Client } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating, replicasOf, revisionOf } from './identity.js';
import type { Revisions } from './revisions.js';
import type { SetPod, StatefulSet, StatefulSetStatus } from './types.js';

export function computeStatus(set: StatefulSet, pods: SetPod[], r: Revisions, now: number, rolled: boolean): StatefulSetStatus {
  const st: StatefulSetStatus = {
    observedGeneration: set.metadata.generation, replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0,
    currentRevision: r.current.metadata.name, updateRevision: r.update.metadata.name, collisionCount: r.collisionCount,
  };
  for (const p of pods) {
    if (isCreated(p)) st.replicas! += 1;
    if (isRunningAndReady(p)) {
      st.readyReplicas! += 1;
      if (isRunningAndAvailable(p, set.spec?.minReadySeconds ?? 0, now)) st.availableReplicas! += 1;
    }
    if (!isCreated(p) || isTerminating(p)) continue;
    if (revisionOf(p) === r.current.metadata.name) st.currentReplicas! += 1;
    if (revisionOf(p) === r.update.metadata.name) st.updatedReplicas! += 1;
  }
  if (rolled) st.currentReplicas! -= 1;
  const want = replicasOf(set);
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && st.updatedReplicas === want && st.readyReplicas === want && st.replicas === want) {
    st.currentReplicas = st.updatedReplicas;
    st.currentRevision = st.updateRevision;
  }
  return st;
}

const FIELDS = ['replicas', 'currentReplicas', 'readyReplicas', 'updatedReplicas', 'currentRevision', 'availableReplicas', 'updateRevision'] as const;

/** inconsistentStatus: a newer generation or any counted field differs. */
export function inconsistent(set: StatefulSet, st: StatefulSetStatus): boolean {
  const cur = set.status ?? {};
  return (st.observedGeneration ?? 0) > (cur.observedGeneration ?? 0) || FIELDS.some((k) => (st[k] ?? 0) !== (cur[k] ?? 0));
}

/** As apps/v1 serialises it: zero ready/current/updated counts left out. */
function tidy(st: StatefulSetStatus, prev: StatefulSetStatus | undefined): StatefulSetStatus {
  const out: StatefulSetStatus = { ...prev, ...st };
  for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) if (!out[k]) delete out[k];
  return out;
}

/** UpdateStatefulSetStatus, retrying once on a conflict with a fresh read. */
export async function writeStatus(client: Client, set: StatefulSet, st: StatefulSetStatus): Promise<void> {
  if (!inconsistent(set, st)) return;
  try {
    await client.update(REFS.statefulsets, { ...set, status: tidy(st, set.status) }, { subresource: 'status' });
  } catch (err) {
    if (!isConflict(err)) throw err;
    const fresh = await client.get<StatefulSet>(REFS.statefulsets, set.metadata.namespace ?? '', set.metadata.name ?? '');
    await client.update(REFS.statefulsets, { ...fresh, status: tidy(st, fresh.status) }, { subresource: 'status' });
  }
}
