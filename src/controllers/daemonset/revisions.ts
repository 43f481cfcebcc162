// DaemonSet history (constructHistory, snapshot, cleanupHistory): one ControllerRevision per
// pod template, named `<ds>-<hash>` with the hash (controller.ComputeHash of the template and
// collisionCount) as its controller-revision-hash label; the revision matching the current
// template is the newest, and old ones beyond revisionHistoryLimit that no pod uses are deleted.
import { isAlreadyExists } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { controllerOf, controllerRef } from '../framework/pods.js';
import {
  CONTROLLER_REVISION_HASH, fnv32a, goJson, safeEncodeString, templatePatch, type ControllerRevision,
} from '../statefulset/history.js';
import { nodeToDaemonPods, type DsDeps } from './deps.js';
import type { DaemonSet } from './types.js';

/** controller.ComputeHash: FNV-1a of the template (as JSON here) and the collision count. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(goJson(template)));
  if (collisionCount !== undefined) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}

const patchOf = (ds: DaemonSet) => templatePatch(ds.spec?.template ?? {});
export const matches = (ds: DaemonSet, rev: ControllerRevision): boolean => goJson(patchOf(ds)) === goJson(rev.data);

const byRevision = (a: ControllerRevision, b: ControllerRevision) => (a.revision ?? 0) - (b.revision ?? 0);

/** The DaemonSet's revisions, each given its hash label if it lacks one. */
async function controlled(d: DsDeps, ds: DaemonSet): Promise<ControllerRevision[]> {
  const out: ControllerRevision[] = [];
  for (const r of d.revisions.list(ds.metadata.namespace ?? '')) {
    if (controllerOf(r)?.uid !== ds.metadata.uid) continue;
    if (r.metadata.labels?.[CONTROLLER_REVISION_HASH] !== undefined) out.push(r);
    else out.push(await d.client.update<ControllerRevision>(REFS.controllerrevisions, { ...r, metadata: { ...r.metadata, labels: { ...r.metadata.labels, [CONTROLLER_REVISION_HASH]: r.metadata.name ?? '' } } }));
  }
  return out;
}

async function snapshot(d: DsDeps, ds: DaemonSet, revision: number): Promise<ControllerRevision> {
  const hash = computeHash(ds.spec?.template ?? {}, ds.status?.collisionCount);
  const rev: ControllerRevision = {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`, namespace: ds.metadata.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    },
    data: patchOf(ds), revision,
  };
  try {
    return await d.client.create<ControllerRevision>(REFS.controllerrevisions, ds.metadata.namespace ?? '', rev);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  const existing = await d.client.get<ControllerRevision>(REFS.controllerrevisions, ds.metadata.namespace ?? '', rev.metadata.name ?? '');
  if (matches(ds, existing)) return existing;
  const cur = await d.client.get<DaemonSet>(REFS.daemonsets, ds.metadata.namespace ?? '', ds.metadata.name ?? '');
  await d.client.update(REFS.daemonsets, { ...cur, status: { ...cur.status, collisionCount: (cur.status?.collisionCount ?? 0) + 1 } }, { subresource: 'status' });
  throw new Error(`found a hash collision for DaemonSet "${ds.metadata.name}" - bumping collisionCount to resolve it`);
}

/** Keeps the newest of several revisions matching the template, relabelling pods onto it. */
async function dedup(d: DsDeps, ds: DaemonSet, current: ControllerRevision[]): Promise<ControllerRevision> {
  const keep = [...current].sort(byRevision).at(-1)!;
  const keepHash = keep.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
  for (const dup of current) {
    if (dup === keep) continue;
    for (const pods of nodeToDaemonPods(d, ds, true).values()) {
      for (const p of pods) {
        if (p.metadata.labels?.[CONTROLLER_REVISION_HASH] === keepHash) continue;
        await d.client.update(REFS.pods, { ...p, metadata: { ...p.metadata, labels: { ...p.metadata.labels, [CONTROLLER_REVISION_HASH]: keepHash } } });
      }
    }
    await d.client.delete(REFS.controllerrevisions, dup.metadata.namespace ?? '', dup.metadata.name ?? '');
  }
  return keep;
}

/** constructHistory: the current revision (created or renumbered as newest) and the old ones. */
export async function constructHistory(d: DsDeps, ds: DaemonSet): Promise<{ cur: ControllerRevision; old: ControllerRevision[] }> {
  const all = await controlled(d, ds);
  const current = all.filter((r) => matches(ds, r));
  const old = all.filter((r) => !matches(ds, r));
  const next = Math.max(0, ...old.map((r) => r.revision ?? 0)) + 1;
  if (!current.length) return { cur: await snapshot(d, ds, next), old };
  let cur = await dedup(d, ds, current);
  if ((cur.revision ?? 0) < next) cur = await d.client.update<ControllerRevision>(REFS.controllerrevisions, { ...cur, revision: next });
  return { cur, old };
}

/** cleanupHistory: delete the oldest revisions beyond revisionHistoryLimit that no pod runs. */
export async function cleanupHistory(d: DsDeps, ds: DaemonSet, old: ControllerRevision[]): Promise<void> {
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return;
  const live = new Set<string>();
  for (const pods of nodeToDaemonPods(d, ds, true).values()) for (const p of pods) live.add(p.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '');
  for (const r of [...old].sort(byRevision)) {
    if (toKill <= 0) break;
    if (live.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '')) continue;
    await d.client.delete(REFS.controllerrevisions, r.metadata.namespace ?? '', r.metadata.name ?? '');
    toKill--;
  }
}
