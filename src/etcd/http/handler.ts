// The HTTP/1.1 side of the client port: /version, /health, and (with --enable-v2) the v2 API,
// passed in as extra routes. As etcd's access controller and Go's ServeMux do, every answer
// carries the CORS headers, OPTIONS is answered empty, and a request path that is not clean is
// redirected to its clean form.
import http from 'node:http';
import { CLUSTER_VERSION, ETCD_VERSION, type EtcdServer } from '../server.js';
import { allowMethod, goError, muxCleanPath, notFound, redirectToClean, send, setCorsHeaders, splitTarget } from './respond.js';

/** A request's unescaped path and raw query (Node's URL would fold `..` segments itself). */
export interface Target {
  path: string;
  rawQuery: string;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, target: Target) => Promise<boolean>;

function versionBody(): string {
  return JSON.stringify({ etcdserver: ETCD_VERSION, etcdcluster: CLUSTER_VERSION });
}

const ALARM_NAMES: Record<number, string> = { 1: 'NOSPACE', 2: 'CORRUPT' };
/** How long /health waits for its quorum read. */
const HEALTH_TIMEOUT_MS = 1000;

/**
 * etcd's checkHealth: no alarm (but those named by ?exclude=), and a quorum read (a raft
 * proposal, so it advances the raft index) that completes within a second.
 */
async function healthy(server: EtcdServer, rawQuery: string): Promise<boolean> {
  const excluded = new URLSearchParams(rawQuery).getAll('exclude');
  for (const alarm of server.alarms) if (!excluded.includes(ALARM_NAMES[alarm] ?? '')) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
  const read = server.agree(async () => (await server.store.advanceRaftIndex()) > 0);
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The client port's HTTP server; extra routes (the v2 API) are tried first. */
export function clientHttp(server: EtcdServer, routes: Route[] = []): http.Server {
  return http.createServer((req, res) => {
    setCorsHeaders(res);
    if (req.method === 'OPTIONS') return send(res, 200, {});
    const { path, rawQuery } = splitTarget(req.url ?? '/');
    const clean = muxCleanPath(path);
    if (clean !== path) return redirectToClean(req, res, clean, rawQuery);
    void (async () => {
      for (const route of routes) if (await route(req, res, { path, rawQuery })) return;
      if (path === '/version') {
        if (allowMethod(req, res, 'GET')) send(res, 200, { 'Content-Type': 'application/json' }, versionBody());
        return;
      }
      if (path === '/health') {
        if (!allowMethod(req, res, 'GET')) return;
        const body = JSON.stringify({ health: (await healthy(server, rawQuery)) ? 'true' : 'false' });
        if (body.includes('"true"')) send(res, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, body);
        else goError(res, 503, body);
        return;
      }
      notFound(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

/** The peer port: what other members would ask of this one. */
export function peerHttp(server: EtcdServer): http.Server {
  return http.createServer((req, res) => {
    const { path } = splitTarget(req.url ?? '/');
    if (path === '/version') return send(res, 200, { 'Content-Type': 'application/json' }, versionBody());
    if (path === '/members') {
      const members = server.membership.members.map((m) => ({ id: m.id.toString(16), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs }));
      return send(res, 200, { 'Content-Type': 'application/json' }, JSON.stringify(members));
    }
    notFound(res);
  });
}
