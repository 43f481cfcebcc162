// polymorphichelpers' Rollbackers: a Deployment goes back to a ReplicaSet's template (a JSON
// patch of spec.template and the annotations), a DaemonSet or StatefulSet to a
// ControllerRevision (its data sent as a strategic merge patch). The result is the operation
// kubectl prints after the name: `rolled back`, `skipped rollback (…)`, or with
// --dry-run=client the pod template it would restore.
import type { RestClient } from '../../../../client/rest.js';
import { requestJson } from '../../resource/request.js';
import { typedValue } from '../create/go-typed.js';
import { writeQuery, type DryRun } from '../mutate/dry-run.js';
import { goCompact, rec, type Json } from '../workload/json-values.js';
import { controllerRevisions, deploymentReplicaSets, equalIgnoreHash, HASH_LABEL, revisionNumber, revisionTemplate, type ControllerKind } from './history-source.js';
import { groupKindString, visitKind } from './kinds.js';
import { revisionOf } from './status-viewer.js';
import { templateText } from './template-text.js';

export interface RollbackTarget {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  toRevision: number;
  dryRun: DryRun;
  tz: string | undefined;
}

const notFound = (r: number): Error => new Error(`unable to find specified revision ${r} in history`);
const SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision', 'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to',
]);

/** deploymentRevision: the ReplicaSet of the revision asked for, or of the one before the latest. */
function pickReplicaSet(replicaSets: Json[], toRevision: number, name: string): Json {
  let latest: [number, Json | undefined] = [-1, undefined];
  let previous: [number, Json | undefined] = [-1, undefined];
  for (const rs of replicaSets) {
    let v: number;
    try { v = revisionOf(rs); } catch { continue; }
    if (toRevision > 0) {
      if (v === toRevision) return rs;
    } else if (latest[0] < v) {
      previous = latest;
      latest = [v, rs];
    } else if (previous[0] < v) {
      previous = [v, rs];
    }
  }
  if (toRevision > 0) throw notFound(toRevision);
  if (previous[1] === undefined) throw new Error(`no rollout history found for deployment ${JSON.stringify(name)}`);
  return previous[1];
}

async function patch(client: RestClient, path: string, body: string, type: string, dryRun: DryRun, toRevision: number): Promise<void> {
  try {
    await requestJson(client, 'PATCH', path + writeQuery({ dryRun: dryRun === 'server' }), { body, contentType: type });
  } catch (err) {
    throw new Error(`failed restoring revision ${toRevision}: ${(err as Error).message}`);
  }
}

async function rollbackDeployment(client: RestClient, t: RollbackTarget): Promise<string> {
  if (t.toRevision < 0) throw notFound(t.toRevision);
  const { deployment, replicaSets } = await deploymentReplicaSets(client, t.namespace, t.name);
  const rs = pickReplicaSet(replicaSets, t.toRevision, t.name);
  const template = rec(rec(rs.spec).template);
  if (t.dryRun === 'client') return templateText(template, t.tz);
  if (rec(deployment.spec).paused === true) {
    throw new Error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  if (equalIgnoreHash(template, rec(deployment.spec).template)) {
    return `skipped rollback (current template already matches revision ${t.toRevision})`;
  }
  const meta = rec(template.metadata);
  const labels = { ...rec(meta.labels) };
  delete labels[HASH_LABEL];
  const restored = { ...template, metadata: { ...meta, labels } };
  const annotations: Json = {};
  const current = rec(rec(deployment.metadata).annotations);
  for (const k of Object.keys(current)) if (SKIP.has(k)) annotations[k] = current[k];
  for (const [k, v] of Object.entries(rec(rec(rs.metadata).annotations))) if (!SKIP.has(k)) annotations[k] = v;
  const body = `[{"op":"replace","path":"/spec/template","value":${goCompact(typedValue('core/v1.PodTemplateSpec', restored), false)}},`
    + `{"op":"replace","path":"/metadata/annotations","value":${goCompact(annotations, true)}}]`;
  const path = `/apis/apps/v1/namespaces/${encodeURIComponent(t.namespace)}/deployments/${encodeURIComponent(t.name)}`;
  await patch(client, path, body, 'application/json-patch+json', t.dryRun, t.toRevision);
  return 'rolled back';
}

/** findHistory: the revision asked for, or the second newest. */
function pickRevision(revisions: Json[], toRevision: number): Json {
  if (toRevision === 0) {
    if (revisions.length <= 1) throw new Error('no last revision to roll back to');
    return [...revisions].sort((a, b) => revisionNumber(a) - revisionNumber(b))[revisions.length - 2]!;
  }
  const hit = revisions.find((r) => revisionNumber(r) === toRevision);
  if (hit === undefined) throw notFound(toRevision);
  return hit;
}

async function rollbackRevision(client: RestClient, kind: ControllerKind, t: RollbackTarget): Promise<string> {
  if (t.toRevision < 0) throw notFound(t.toRevision);
  const { owner, revisions } = await controllerRevisions(client, kind, t.namespace, t.name);
  const to = pickRevision(revisions, t.toRevision);
  if (t.dryRun === 'client') return `will roll back to ${templateText(revisionTemplate(to), t.tz)}`;
  // daemonSetMatch/statefulsetMatch compare the bytes of the current template as a patch.
  const current = { spec: { template: { ...rec(typedValue('core/v1.PodTemplateSpec', rec(owner.spec).template)), $patch: 'replace' } } };
  const raw = goCompact(to.data, false);
  if (goCompact(current, true) === raw) return `skipped rollback (current template already matches revision ${t.toRevision})`;
  const resource = kind === 'DaemonSet' ? 'daemonsets' : 'statefulsets';
  const path = `/apis/apps/v1/namespaces/${encodeURIComponent(t.namespace)}/${resource}/${encodeURIComponent(t.name)}`;
  await patch(client, path, raw, 'application/strategic-merge-patch+json', t.dryRun, t.toRevision);
  return 'rolled back';
}

/** RollbackerFor + Rollback. */
export async function rollback(client: RestClient, t: RollbackTarget): Promise<string> {
  const gk = groupKindString(t.group, t.kind);
  let kind: string;
  try {
    kind = visitKind(t.group, t.kind);
  } catch (err) {
    throw new Error(`error retrieving rollbacker for ${JSON.stringify(gk)}, ${(err as Error).message}`);
  }
  if (kind === 'Deployment') return rollbackDeployment(client, t);
  if (kind === 'DaemonSet' || kind === 'StatefulSet') return rollbackRevision(client, kind, t);
  throw new Error(`no rollbacker has been implemented for ${JSON.stringify(gk)}`);
}
