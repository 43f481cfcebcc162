// /v2/keys: etcd 3.4's keysHandler. The request is checked (parseKeyRequest), then run as etcd's
// server runs it: PUT, POST, DELETE and quorum GET are raft proposals (each advances the raft
// index, even when the store then refuses it), GET and HEAD read the local store, GET ?wait=true
// watches. Answers carry the cluster ID, the store index and the raft index and term.
import type http from 'node:http';
import { V2Error, V2_CODE, type V2Result } from '../../store/v2/index.js';
import { hexId } from '../ids.js';
import { parseForm } from './form.js';
import { allowMethod, type Headers } from './respond.js';
import { writeKeyError, writeKeyEvent } from './v2reply.js';
import { parseKeyRequest, type KeyRequest } from './v2params.js';
import type { V2Context } from './v2context.js';
import { serveWatch } from './v2watch.js';

export const KEYS_PREFIX = '/v2/keys';

/** The store operation a request stands for (after etcd's RequestV2.Handle). */
function apply(ctx: V2Context, r: KeyRequest): Promise<V2Result> {
  const { keys } = ctx;
  switch (r.method) {
    case 'PUT':
      return keys.set(r.key, {
        value: r.value,
        dir: r.dir,
        ...(r.ttl !== undefined ? { ttl: r.ttl } : {}),
        ...(r.prevExist !== undefined ? { prevExist: r.prevExist } : {}),
        ...(r.prevValue !== undefined ? { prevValue: r.prevValue } : {}),
        prevIndex: r.prevIndex,
        ...(r.refresh !== undefined ? { refresh: r.refresh } : {}),
      });
    case 'POST':
      return keys.createInOrder(r.key, { value: r.value, dir: r.dir, ...(r.ttl !== undefined ? { ttl: r.ttl } : {}) });
    case 'DELETE':
      return keys.delete(r.key, {
        dir: r.dir,
        recursive: r.recursive,
        ...(r.prevValue !== undefined ? { prevValue: r.prevValue } : {}),
        prevIndex: r.prevIndex,
      });
    default:
      return keys.get(r.key, { recursive: r.recursive, sorted: r.sorted });
  }
}

/** PUT, POST, DELETE and a quorum GET go through raft; a plain GET or HEAD reads locally. */
const isProposal = (r: KeyRequest): boolean => (r.method === 'GET' ? r.quorum : r.method !== 'HEAD');

/** A proposal takes a raft entry whether or not the store then accepts it. */
async function propose(ctx: V2Context, r: KeyRequest): Promise<V2Result> {
  await ctx.propose();
  return apply(ctx, r);
}

export async function serveKeys(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, path: string, rawQuery: string): Promise<void> {
  if (!allowMethod(req, res, 'HEAD', 'GET', 'PUT', 'POST', 'DELETE')) return;
  const headers: Headers = { 'X-Etcd-Cluster-Id': hexId(ctx.server.membership.clusterId) };
  const { form, error } = await parseForm(req, rawQuery);
  if (error !== undefined) return writeKeyError(res, new V2Error(V2_CODE.invalidForm, error, 0), headers);
  const r = parseKeyRequest(req.method ?? 'GET', path.slice(KEYS_PREFIX.length), form);
  if (r instanceof V2Error) return writeKeyError(res, r, headers);
  if (!(await ctx.auth.canAccessKey(req, r.key, r.recursive, r.method !== 'GET' && r.method !== 'HEAD'))) {
    return writeKeyError(res, new V2Error(V2_CODE.unauthorized, 'Insufficient credentials', 0), headers);
  }
  if (r.method === 'GET' && r.wait && !r.quorum) return serveWatch(ctx, res, r, headers);
  let result: V2Result;
  try {
    result = isProposal(r) ? await ctx.agree(() => propose(ctx, r)) : await apply(ctx, r);
  } catch (err) {
    return writeKeyError(res, err, headers);
  }
  writeKeyEvent(res, result, await ctx.raft(), headers, r.noValueOnSuccess);
}
