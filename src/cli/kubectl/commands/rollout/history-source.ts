// Where a rollout's history lives: a Deployment's ReplicaSets (deploymentutil.GetAllReplicaSets:
// listed by the deployment's selector, kept when the deployment controls them, the new one the
// oldest whose template matches), a DaemonSet's or StatefulSet's ControllerRevisions.
import type { RestClient } from '../../../../client/rest.js';
import { requestJson, TYPED_LIST } from '../../resource/request.js';
import { list, rec, semanticEqual, str, type Json } from '../workload/json-values.js';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

interface ListBody {
  items?: Json[];
}

const OPS: Record<string, string> = { In: 'in', NotIn: 'notin' };

/** metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key. */
export function selectorString(selector: unknown): string {
  const s = rec(selector);
  const reqs: [string, string][] = Object.entries(rec(s.matchLabels)).map(([k, v]) => [k, `${k}=${str(v)}`]);
  for (const e of list(s.matchExpressions).map(rec)) {
    const key = str(e.key);
    const values = list(e.values).map(str).sort();
    if (OPS[str(e.operator)] !== undefined) reqs.push([key, `${key} ${OPS[str(e.operator)]!} (${values.join(',')})`]);
    else if (e.operator === 'Exists') reqs.push([key, key]);
    else if (e.operator === 'DoesNotExist') reqs.push([key, `!${key}`]);
  }
  return reqs.map((r, i) => ({ r, i })).sort((a, b) => (a.r[0] < b.r[0] ? -1 : a.r[0] > b.r[0] ? 1 : a.i - b.i)).map((x) => x.r[1]).join(',');
}

const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');

/** metav1.IsControlledBy: the controller owner reference carries the owner's UID. */
export function isControlledBy(obj: Json, owner: Json): boolean {
  const uid = rec(owner.metadata).uid;
  return list(rec(obj.metadata).ownerReferences).map(rec).some((r) => r.controller === true && r.uid === uid);
}

async function listOwned(client: RestClient, path: string, owner: Json): Promise<Json[]> {
  const selector = selectorString(rec(owner.spec).selector);
  const body = await requestJson<ListBody>(client, 'GET', selector === '' ? path : `${path}?labelSelector=${enc(selector)}`, TYPED_LIST);
  return (body.items ?? []).filter((i) => isControlledBy(i, owner));
}

/** A template without the pod-template-hash label (equalIgnoreHash compares these). */
export function withoutHash(template: unknown): Json {
  const t = structuredClone(rec(template));
  const meta = rec(t.metadata);
  if (meta.labels !== undefined) {
    const labels = { ...rec(meta.labels) };
    delete labels[HASH_LABEL];
    t.metadata = { ...meta, labels };
  }
  return t;
}

export const equalIgnoreHash = (a: unknown, b: unknown): boolean => semanticEqual(withoutHash(a), withoutHash(b));

const created = (o: Json): string => str(rec(o.metadata).creationTimestamp);

/** The deployment and its ReplicaSets: old ones first, the new one last. */
export async function deploymentReplicaSets(client: RestClient, ns: string, name: string): Promise<{ deployment: Json; replicaSets: Json[] }> {
  const base = `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}`;
  let deployment: Json;
  try {
    deployment = await requestJson<Json>(client, 'GET', `${base}/deployments/${encodeURIComponent(name)}`);
  } catch (err) {
    throw new Error(`failed to retrieve deployment ${name}: ${(err as Error).message}`);
  }
  const owned = await listOwned(client, `${base}/replicasets`, deployment);
  const sorted = [...owned].sort((a, b) => (created(a) === created(b) ? (str(rec(a.metadata).name) < str(rec(b.metadata).name) ? -1 : 1) : created(a) < created(b) ? -1 : 1));
  const template = rec(deployment.spec).template;
  const newRS = sorted.find((rs) => equalIgnoreHash(rec(rs.spec).template, template));
  const old = owned.filter((rs) => rs !== newRS);
  return { deployment, replicaSets: newRS ? [...old, newRS] : old };
}

export type ControllerKind = 'DaemonSet' | 'StatefulSet';

/** The daemon set or stateful set and the ControllerRevisions it controls. */
export async function controllerRevisions(client: RestClient, kind: ControllerKind, ns: string, name: string): Promise<{ owner: Json; revisions: Json[] }> {
  const base = `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}`;
  const resource = kind === 'DaemonSet' ? 'daemonsets' : 'statefulsets';
  let owner: Json;
  try {
    owner = await requestJson<Json>(client, 'GET', `${base}/${resource}/${encodeURIComponent(name)}`);
  } catch (err) {
    throw new Error(`failed to retrieve ${kind === 'DaemonSet' ? 'DaemonSet' : 'Statefulset'} ${name}: ${(err as Error).message}`);
  }
  let revisions: Json[];
  try {
    revisions = await listOwned(client, `${base}/controllerrevisions`, owner);
  } catch (err) {
    throw new Error(`unable to find history controlled by ${kind} ${name}: ${(err as Error).message}`);
  }
  return { owner, revisions };
}

/** The pod template a ControllerRevision restores (its data's spec.template, `$patch` dropped). */
export function revisionTemplate(revision: Json): Json {
  const t = { ...rec(rec(rec(revision.data).spec).template) };
  delete t.$patch;
  return t;
}

export const revisionNumber = (r: Json): number => (typeof r.revision === 'number' ? r.revision : 0);

