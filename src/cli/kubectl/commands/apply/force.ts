// Patcher.deleteAndCreate (apply --force): when the patch cannot be applied, the object is
// deleted, kubectl waits for it to be gone, then creates the new configuration; if that fails
// the old object is put back.
import { ApiError, type Obj } from '../../../../client/types.js';
import { requestJson } from '../../resource/request.js';
import { writeQuery } from '../mutate/dry-run.js';
import { collectionPath, objectPath, type Info } from '../mutate/info.js';
import type { PatcherOptions, PatchResult } from './patcher-options.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function gone(p: PatcherOptions, info: Info): Promise<boolean> {
  try {
    await requestJson(p.client, 'GET', objectPath(info.mapping!, info.namespace || undefined, info.name));
    return false;
  } catch (err) {
    if (err instanceof ApiError && err.status.reason === 'NotFound') return true;
    throw err;
  }
}

async function waitGone(p: PatcherOptions, info: Info, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await gone(p, info)) return;
    if (Date.now() >= until) throw new Error('context deadline exceeded');
    await sleep(1000);
  }
}

/** Helper.Create with modify: resourceVersion cleared. */
export async function createObject(p: PatcherOptions, info: Info, obj: Obj): Promise<Obj> {
  const body = obj as unknown as { metadata?: Record<string, unknown> };
  if (body.metadata && body.metadata.resourceVersion !== undefined) delete body.metadata.resourceVersion;
  const q = writeQuery({ dryRun: p.dryRunServer, fieldManager: p.fieldManager, fieldValidation: p.fieldValidation });
  return requestJson<Obj>(p.client, 'POST', collectionPath(info.mapping!, info.namespace || undefined) + q, { body: obj });
}

export async function deleteAndCreate(p: PatcherOptions, info: Info, original: Obj, modified: string): Promise<PatchResult> {
  const force = p.force!;
  const options: Record<string, unknown> = {};
  if (force.gracePeriod >= 0) options.gracePeriodSeconds = force.gracePeriod;
  options.propagationPolicy = force.cascade;
  await requestJson(p.client, 'DELETE', objectPath(info.mapping!, info.namespace || undefined, info.name), { body: options });
  await waitGone(p, info, force.timeoutMs);
  try {
    return { patch: modified, object: await createObject(p, info, JSON.parse(modified) as Obj) };
  } catch (err) {
    try {
      await createObject(p, info, original);
    } catch (recreateErr) {
      throw new Error(`An error occurred force-replacing the existing object with the newly provided one:\n\n${(err as Error).message}.\n\nAdditionally, an error occurred attempting to restore the original object:\n\n${(recreateErr as Error).message}`);
    }
    throw err;
  }
}
