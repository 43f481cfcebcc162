// The annotations a Deployment keeps on its ReplicaSets: its own annotations (change-cause and
// the rest, but not the skipped ones below), the revision (max of the old ones + 1; a reused
// ReplicaSet keeps its earlier revisions in revision-history), and desired-replicas /
// max-replicas (spec.replicas and spec.replicas + maxSurge when last scaled, which proportional
// scaling reads).
import type { Obj } from '../../client/types.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
/** Upstream's maxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_CHARS = 2000;

const SKIPPED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

const parseInt64 = (v: string): number | undefined => (/^[+-]?\d+$/.test(v) ? Number(v) : undefined);

/** The revision annotation as a number: 0 when absent, undefined when unparsable. */
export function revisionOf(o: Obj): number | undefined {
  const v = o.metadata.annotations?.[REVISION];
  return v === undefined ? 0 : parseInt64(v);
}

/** The highest revision among rss (unparsable ones skipped). */
export const maxRevision = (rss: Obj[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs) ?? 0), 0);

/** An integer annotation (desired-replicas, max-replicas), if set and valid. */
export function intAnnotation(rs: Obj, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v === undefined ? undefined : parseInt64(v);
}

/** Copies the deployment's annotations but the skipped ones; whether anything changed. */
function copyDeploymentAnnotations(d: Obj, ann: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

export function setReplicasAnnotations(ann: Record<string, string>, desired: number, max: number): boolean {
  const want = { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) };
  let changed = false;
  for (const [k, v] of Object.entries(want)) {
    if (ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

export const replicasAnnotationsNeedUpdate = (rs: Obj, desired: number, max: number): boolean =>
  rs.metadata.annotations?.[DESIRED_REPLICAS] !== String(desired) || rs.metadata.annotations?.[MAX_REPLICAS] !== String(max);

/** Appends old to the comma-separated history, dropping the oldest entries past the length limit. */
function appendHistory(ann: Record<string, string>, old: string): void {
  const history = ann[REVISION_HISTORY] ?? '';
  if (!history) {
    ann[REVISION_HISTORY] = old;
    return;
  }
  const entries = history.split(',');
  let total = history.length + old.length + 1;
  let start = 0;
  while (total > MAX_REV_HISTORY_CHARS && start < entries.length) total -= (entries[start++] ?? '').length + 1;
  if (total <= MAX_REV_HISTORY_CHARS) ann[REVISION_HISTORY] = [...entries.slice(start), old].join(',');
}

export interface ReplicasAnnotations {
  desired: number;
  max: number;
}

/**
 * SetNewReplicaSetAnnotations on ann (the new ReplicaSet's annotations, changed in place):
 * copy the deployment's, raise the revision to newRevision (recording the old one in the
 * history), and for a ReplicaSet about to be created set the replica annotations.
 */
export function setNewReplicaSetAnnotations(d: Obj, ann: Record<string, string>, newRevision: number, replicas?: ReplicasAnnotations): boolean {
  let changed = copyDeploymentAnnotations(d, ann);
  const old = ann[REVISION];
  const oldRevision = old === undefined || old === '' ? 0 : parseInt64(old);
  if (oldRevision === undefined) return false;
  if (oldRevision < newRevision) {
    ann[REVISION] = String(newRevision);
    changed = true;
    if (old !== undefined) appendHistory(ann, old);
  }
  if (replicas && setReplicasAnnotations(ann, replicas.desired, replicas.max)) changed = true;
  return changed;
}
