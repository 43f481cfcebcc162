// The new ReplicaSet: the one whose template equals the Deployment's (ignoring the hash label).
// An existing one gets the Deployment's annotations and the next revision (an old ReplicaSet
// matched again, as after `kubectl rollout undo`, becomes the newest revision and keeps its
// earlier ones in revision-history); otherwise one is created, named `<deployment>-<hash>`,
// with the hash added to its labels, selector and template labels. A name taken by a
// ReplicaSet with another template is a hash collision: status.collisionCount goes up and the
// next sync hashes again.
import type { Obj } from '../../client/types.js';
import { isAlreadyExists } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { controllerOf, controllerRef, type PodTemplate } from '../framework/pods.js';
import { specOf } from '../replicaset/kinds.js';
import { namespaceTerminating } from '../replicaset/manage.js';
import { REVISION, maxRevision, setNewReplicaSetAnnotations } from './annotations.js';
import { PROGRESSING, REASON, getCondition, newCondition, setCondition } from './conditions.js';
import { computeHash, equalIgnoreHash } from './hash.js';
import { maxSurge, scaledValue } from './intstr.js';
import { byCreation } from './rs-sort.js';
import type { SyncState } from './sync-state.js';
import {
  POD_TEMPLATE_HASH, RECREATE, ROLLING_UPDATE, hasProgressDeadline, replicaCount, replicasOf, rsReplicas, type Deployment,
} from './types.js';

export function findNewReplicaSet(d: Deployment, rsList: Obj[]): Obj | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(specOf(rs).template, d.spec.template));
}

/** Every ReplicaSet but the new one. */
export function findOldReplicaSets(d: Deployment, rsList: Obj[]): Obj[] {
  const n = findNewReplicaSet(d, rsList);
  return rsList.filter((rs) => !n || rs.metadata.uid !== n.metadata.uid);
}

/** The new ReplicaSet's size for a rollout step: up to spec.replicas + maxSurge pods in all. */
export function newRSNewReplicas(d: Deployment, allRSs: Obj[], newRS: Obj): number {
  const type = d.spec.strategy?.type ?? ROLLING_UPDATE;
  if (type === RECREATE) return replicasOf(d);
  if (type !== ROLLING_UPDATE) throw new Error(`deployment type ${type} isn't supported`);
  const maxTotal = replicasOf(d) + scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge, replicasOf(d), true);
  const current = replicaCount(allRSs);
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
}

async function syncExisting(s: SyncState, existing: Obj, revision: number): Promise<Obj> {
  const annotations = { ...(existing.metadata.annotations ?? {}) };
  const changed = setNewReplicaSetAnnotations(s.d, annotations, revision);
  const minReady = s.d.spec.minReadySeconds ?? 0;
  let rs = existing;
  if (changed || (specOf(existing).minReadySeconds ?? 0) !== minReady) {
    rs = await s.updateRS({ ...existing, metadata: { ...existing.metadata, annotations }, spec: { ...(existing.spec as object), minReadySeconds: minReady } });
  }
  await s.setRevision(rs.metadata.annotations?.[REVISION] ?? '');
  if (hasProgressDeadline(s.d) && !getCondition(s.d.status, PROGRESSING)) {
    setCondition(s.status, newCondition(PROGRESSING, 'True', REASON.foundNewRS, `Found new replica set "${rs.metadata.name}"`, s.ctx.now()));
    await s.writeStatus();
  }
  return rs;
}

function buildNewRS(d: Deployment, oldRSs: Obj[], revision: number): Obj {
  const template: PodTemplate = structuredClone(d.spec.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  template.metadata = { ...template.metadata, labels };
  const selector = { ...d.spec.selector, matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const empty: Obj = { metadata: {}, spec: { replicas: 0 } };
  const replicas = newRSNewReplicas(d, [...oldRSs, empty], empty);
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, revision, { desired: replicasOf(d), max: replicasOf(d) + maxSurge(d) });
  const minReady = d.spec.minReadySeconds ?? 0;
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...labels }, annotations, ownerReferences: [controllerRef(d)] },
    spec: { replicas, ...(minReady ? { minReadySeconds: minReady } : {}), selector, template },
  };
}

/** An AlreadyExists on create: our own ReplicaSet (a stale cache), or a hash collision. */
async function onAlreadyExists(s: SyncState, wanted: Obj, err: unknown): Promise<Obj> {
  const found = await s.lookupRS(wanted.metadata.namespace ?? '', wanted.metadata.name ?? '');
  if (found && controllerOf(found)?.uid === s.d.metadata.uid && equalIgnoreHash(s.d.spec.template, specOf(found).template)) return found;
  s.status.collisionCount = (s.status.collisionCount ?? 0) + 1;
  await s.writeStatus().catch(() => undefined);
  s.ctx.log(`deployment ${s.d.metadata.namespace}/${s.d.metadata.name}: hash collision on ${wanted.metadata.name}, collisionCount now ${s.status.collisionCount}`);
  throw err;
}

async function failCreate(s: SyncState, rs: Obj, err: unknown): Promise<never> {
  const msg = `Failed to create new replica set "${rs.metadata.name}": ${(err as Error).message}`;
  if (hasProgressDeadline(s.d)) {
    setCondition(s.status, newCondition(PROGRESSING, 'False', REASON.failedRSCreate, msg, s.ctx.now()));
    await s.writeStatus().catch(() => undefined);
  }
  s.event('Warning', REASON.failedRSCreate, msg);
  throw err;
}

async function createNew(s: SyncState, oldRSs: Obj[], revision: number): Promise<Obj> {
  const wanted = buildNewRS(s.d, oldRSs, revision);
  let created: Obj;
  let existed = false;
  try {
    created = await s.ctx.client.create(REFS.replicasets, s.d.metadata.namespace ?? '', wanted);
  } catch (err) {
    if (namespaceTerminating(err)) throw err;
    if (!isAlreadyExists(err)) return failCreate(s, wanted, err);
    created = await onAlreadyExists(s, wanted, err);
    existed = true;
  }
  s.remember(created);
  const replicas = rsReplicas(created);
  if (!existed && replicas > 0) s.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
  await s.setRevision(String(revision));
  if (!existed && hasProgressDeadline(s.d)) {
    setCondition(s.status, newCondition(PROGRESSING, 'True', REASON.newReplicaSet, `Created new replica set "${created.metadata.name}"`, s.ctx.now()));
    await s.writeStatus();
  }
  return created;
}

export interface ReplicaSets {
  newRS: Obj | undefined;
  oldRSs: Obj[];
}

/** getAllReplicaSetsAndSyncRevision: the old ReplicaSets and the new one (created if asked). */
export async function getAllReplicaSets(s: SyncState, create: boolean): Promise<ReplicaSets> {
  const oldRSs = findOldReplicaSets(s.d, s.rsList);
  const existing = findNewReplicaSet(s.d, s.rsList);
  const revision = maxRevision(oldRSs) + 1;
  if (existing) return { newRS: await syncExisting(s, existing, revision), oldRSs };
  return { newRS: create ? await createNew(s, oldRSs, revision) : undefined, oldRSs };
}
