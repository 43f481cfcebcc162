// manageReplicas: make the number of active pods an owner controls equal spec.replicas. Missing
// pods are created from the template in slow-start batches (at most 500 per sync), surplus pods
// are deleted in ActivePodsWithRanks order; both are recorded as expectations first so the
// owner is not synced again until the informer has seen the outcome.
import type { Obj } from '../../client/types.js';
import { ApiError, isNotFound, keyOf } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext } from '../framework/controller.js';
import { podFromTemplate } from '../framework/pods.js';
import type { Expectations } from './expectations.js';
import { desiredReplicas, specOf } from './kinds.js';
import { podsToDelete } from './ranking.js';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './slow-start.js';

/** --concurrent-*-syncs aside, the most pods one sync creates or deletes (BurstReplicas). */
export const BURST_REPLICAS = 500;

export interface ManageEnv {
  ctx: ControllerContext;
  expectations: Expectations;
  /** Pods of every ReplicaSet with the same controller as rs (for the co-location rank). */
  relatedPods: (rs: Obj) => Obj[];
}

export const namespaceTerminating = (err: unknown): boolean =>
  err instanceof ApiError && (err.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function createPod(env: ManageEnv, rs: Obj): Promise<void> {
  const pod = podFromTemplate(specOf(rs).template ?? {}, rs);
  if (!Object.keys(pod.metadata.labels ?? {}).length) throw new Error('unable to create pods, no labels');
  try {
    const made = await env.ctx.client.create(REFS.pods, rs.metadata.namespace ?? '', pod);
    env.ctx.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name}`);
  } catch (err) {
    if (namespaceTerminating(err)) return;
    env.ctx.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${messageOf(err)}`);
    throw err;
  }
}

async function deletePod(env: ManageEnv, rs: Obj, pod: Obj): Promise<void> {
  try {
    await env.ctx.client.delete(REFS.pods, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
  } catch (err) {
    if (isNotFound(err)) throw err;
    env.ctx.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${messageOf(err)}`);
    throw new Error(`unable to delete pods: ${messageOf(err)}`);
  }
  env.ctx.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
}

async function scaleUp(env: ManageEnv, rs: Obj, diff: number): Promise<Error | undefined> {
  const key = keyOf(rs);
  env.expectations.expectCreations(key, diff);
  env.ctx.log(`Too few replicas for ${rs.kind} ${key}: need ${desiredReplicas(rs)}, creating ${diff}`);
  const { successes, error } = await slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => createPod(env, rs));
  // Creates never attempted (or failed) will not be observed: stop waiting for them.
  for (let i = successes; i < diff; i++) env.expectations.creationObserved(key);
  return error === undefined ? undefined : error instanceof Error ? error : new Error(String(error));
}

async function scaleDown(env: ManageEnv, rs: Obj, filtered: Obj[], diff: number): Promise<Error | undefined> {
  const key = keyOf(rs);
  env.ctx.log(`Too many replicas for ${rs.kind} ${key}: need ${desiredReplicas(rs)}, deleting ${diff}`);
  const victims = podsToDelete(filtered, env.relatedPods(rs), diff, env.ctx.now());
  env.expectations.expectDeletions(key, victims.map(keyOf));
  const errors = await Promise.all(victims.map(async (p) => {
    try {
      await deletePod(env, rs, p);
      return undefined;
    } catch (err) {
      env.expectations.deletionObserved(key, keyOf(p));
      return isNotFound(err) ? undefined : (err as Error);
    }
  }));
  return errors.find((e) => e !== undefined);
}

/** Creates or deletes pods toward spec.replicas; the first error, if any. */
export async function manageReplicas(env: ManageEnv, rs: Obj, filtered: Obj[]): Promise<Error | undefined> {
  const diff = filtered.length - desiredReplicas(rs);
  if (diff < 0) return scaleUp(env, rs, Math.min(-diff, BURST_REPLICAS));
  if (diff > 0) return scaleDown(env, rs, filtered, Math.min(diff, BURST_REPLICAS));
  return undefined;
}
