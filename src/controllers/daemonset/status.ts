// updateDaemonSetStatus: desired/current/misscheduled counts per node, readiness and
// availability of each node's oldest pod, written only when something changed.
import { isConflict } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { isPodAvailable, isPodReady } from '../framework/pods.js';
import { byCreation, nodeToDaemonPods, requeue, type DsDeps, type DsSync } from './deps.js';
import { isPodUpdated } from './manage.js';
import { nodeShouldRunDaemonPod } from './scheduling.js';
import type { DaemonSet } from './types.js';

type Counts = Required<Pick<NonNullable<DaemonSet['status']>,
  'desiredNumberScheduled' | 'currentNumberScheduled' | 'numberMisscheduled' | 'numberReady' | 'updatedNumberScheduled' | 'numberAvailable' | 'numberUnavailable'>>;

export function countStatus(d: DsDeps, s: DsSync): Counts {
  const byNode = nodeToDaemonPods(d, s.ds);
  const c: Counts = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
  for (const node of s.nodes) {
    const pods = byNode.get(node.metadata.name ?? '') ?? [];
    if (!nodeShouldRunDaemonPod(node, s.ds)[0]) {
      if (pods.length) c.numberMisscheduled++;
      continue;
    }
    c.desiredNumberScheduled++;
    const pod = [...pods].sort(byCreation)[0];
    if (!pod) continue;
    c.currentNumberScheduled++;
    if (isPodReady(pod)) {
      c.numberReady++;
      if (isPodAvailable(pod, s.ds.spec?.minReadySeconds ?? 0, d.now())) c.numberAvailable++;
    }
    if (isPodUpdated(s.ds, pod, s.hash)) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return c;
}

/** The status fields as apps/v1 serialises them (the last four are omitted when zero). */
function statusWith(ds: DaemonSet, c: Counts, observed: boolean): NonNullable<DaemonSet['status']> {
  const st: NonNullable<DaemonSet['status']> = { ...ds.status, ...c };
  if (observed) st.observedGeneration = ds.metadata.generation;
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'observedGeneration'] as const) if (!st[k]) delete st[k];
  return st;
}

export async function updateStatus(d: DsDeps, s: DsSync, observed: boolean): Promise<void> {
  const c = countStatus(d, s);
  const ds = s.ds;
  const cur = ds.status ?? {};
  const same = (Object.keys(c) as (keyof Counts)[]).every((k) => (cur[k] ?? 0) === c[k]);
  if (!(same && (cur.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0))) {
    try {
      await d.client.update(REFS.daemonsets, { ...ds, status: statusWith(ds, c, observed) }, { subresource: 'status' });
    } catch (err) {
      if (!isConflict(err)) throw err;
      const fresh = await d.client.get<DaemonSet>(REFS.daemonsets, ds.metadata.namespace ?? '', ds.metadata.name ?? '');
      await d.client.update(REFS.daemonsets, { ...fresh, status: statusWith({ ...fresh, metadata: { ...fresh.metadata, generation: ds.metadata.generation } }, c, observed) }, { subresource: 'status' });
    }
  }
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && c.numberReady !== c.numberAvailable) requeue(s, minReady * 1000);
}
