// The v2 API's routes on the client port (--enable-v2), as etcd 3.4's handleV2 muxes them:
// /v2/keys[/...], /v2/members[/...], /v2/machines, /v2/stats/{self,leader,store}, /v2/auth/...
import type http from 'node:http';
import type { Route, Target } from './handler.js';
import type { V2Context } from './v2context.js';
import { KEYS_PREFIX, serveKeys } from './v2keys.js';
import { MEMBERS_PREFIX, serveMachines, serveMembers } from './v2members.js';
import { serveStats } from './v2stats.js';
import { isAuthPath, serveAuth } from './v2auth.js';

type Handler = (ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, t: Target) => Promise<void> | void;

/** Which handler serves a path: exact names, or a prefix ending in `/` (Go ServeMux patterns). */
function pick(path: string): Handler | undefined {
  if (path === KEYS_PREFIX || path.startsWith(`${KEYS_PREFIX}/`)) return (c, q, s, t) => serveKeys(c, q, s, t.path, t.rawQuery);
  if (path === MEMBERS_PREFIX || path.startsWith(`${MEMBERS_PREFIX}/`)) return (c, q, s, t) => serveMembers(c, q, s, t.path);
  if (path === '/v2/machines') return (c, q, s) => serveMachines(c, q, s);
  if (path === '/v2/stats/self' || path === '/v2/stats/leader' || path === '/v2/stats/store') return (c, q, s, t) => serveStats(c, q, s, t.path);
  if (isAuthPath(path)) return (c, q, s, t) => serveAuth(c, q, s, t.path);
  return undefined;
}

export function v2Route(ctx: V2Context): Route {
  return async (req, res, target) => {
    const handler = pick(target.path);
    if (!handler) return false;
    await handler(ctx, req, res, target);
    return true;
  };
}
