// delete --wait: wait.IsDeleted for every deleted object, one after another (a week when no
// --timeout); a wait the server forbids, or a resource without watch, is not an error.
import type { RestClient } from '../../../../client/rest.js';
import { ApiError } from '../../../../client/types.js';
import { IsDeleted, uidKey } from '../mutate/conditions.js';
import type { Info } from '../mutate/info.js';
import type { Klog } from '../../klog.js';

const ignorable = (e: unknown): boolean => e instanceof ApiError && (e.status.reason === 'Forbidden' || e.status.reason === 'MethodNotAllowed');

export async function waitForDeletion(client: RestClient, deleted: { info: Info; uid: string | undefined }[], timeoutMs: number, klog: Klog): Promise<void> {
  const uids = new Map(deleted.map((d) => [uidKey(d.info), d.uid] as const));
  const until = Date.now() + timeoutMs;
  try {
    for (const { info } of deleted) await IsDeleted(info, { client, klog, timeoutMs, until, uids });
  } catch (err) {
    if (ignorable(err)) return;
    throw err;
  }
}
