// GET /v2/keys/<key>?wait=true: etcd's handleKeyWatch. The headers go out at once (long poll),
// X-Etcd-Index being the store index when the watch began; then one event ends the answer, or,
// with stream=true, every event is a chunk until the client goes away.
import type http from 'node:http';
import { encodeV2Result, type V2Watcher } from '../../store/v2/index.js';
import { setGoHeaders, type Headers } from './respond.js';
import type { KeyRequest } from './v2params.js';
import type { V2Context } from './v2context.js';
import { raftHeaders, writeKeyError } from './v2reply.js';

export async function serveWatch(ctx: V2Context, res: http.ServerResponse, r: KeyRequest, headers: Headers): Promise<void> {
  let ready = false;
  const pending: string[] = [];
  const deliver = (body: string): void => {
    if (ready) res.write(body);
    else pending.push(body);
  };
  let w: V2Watcher;
  try {
    w = await ctx.keys.watch(r.key, { recursive: r.recursive, waitIndex: r.waitIndex, stream: r.stream }, (ev) => deliver(encodeV2Result(ev)));
  } catch (err) {
    return writeKeyError(res, err, headers);
  }
  res.on('close', () => w.cancel());
  const raft = await ctx.raft();
  const all: Headers = { ...headers, 'Content-Type': 'application/json', 'X-Etcd-Index': String(w.startIndex), ...raftHeaders(raft) };
  setGoHeaders(res, all);
  res.writeHead(200);
  res.flushHeaders();
  ready = true;
  for (const body of pending.splice(0)) res.write(body);
  await w.done.catch(() => undefined);
  if (!res.writableEnded) res.end();
}
