// /v2/stats/{self,leader,store}: etcd's statsHandler. A single member is always its own leader
// with no followers; the store counters are not kept (etcd's count its own internal reads too),
// so they show what a fresh member shows.
import type http from 'node:http';
import { hexId } from '../ids.js';
import { allowMethod, send } from './respond.js';
import type { V2Context } from './v2context.js';
import { goDuration } from '../../client/go-duration.js';

/** Go's time.Time in RFC 3339 with nanoseconds, trailing zeros dropped. */
function rfc3339Nano(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString().replace(/\.(\d{3})Z$/, '');
  const nanos = (Math.floor(ms) % 1000) * 1e6 + Math.round((ms % 1) * 1e6);
  const frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${iso}${frac ? `.${frac}` : ''}Z`;
}

const STORE_STATS = {
  getsSuccess: 0,
  getsFail: 1,
  setsSuccess: 2,
  setsFail: 0,
  deleteSuccess: 0,
  deleteFail: 0,
  updateSuccess: 0,
  updateFail: 0,
  createSuccess: 1,
  createFail: 0,
  compareAndSwapSuccess: 0,
  compareAndSwapFail: 0,
  compareAndDeleteSuccess: 0,
  compareAndDeleteFail: 0,
  expireCount: 0,
  watchers: 0,
};

export function serveStats(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
  if (!allowMethod(req, res, 'GET')) return;
  const { server } = ctx;
  const id = hexId(server.id);
  const json = (body: unknown): void => send(res, 200, { 'Content-Type': 'application/json' }, JSON.stringify(body));
  if (path.endsWith('/store')) return json(STORE_STATS);
  if (path.endsWith('/leader')) return json({ leader: id, followers: {} });
  json({
    name: server.config.name,
    id,
    state: 'StateLeader',
    startTime: rfc3339Nano(ctx.startedAt),
    leaderInfo: { leader: id, uptime: goDuration(ctx.now() - ctx.startedAt), startTime: rfc3339Nano(ctx.startedAt) },
    recvAppendRequestCnt: 0,
    sendAppendRequestCnt: 0,
  });
}
