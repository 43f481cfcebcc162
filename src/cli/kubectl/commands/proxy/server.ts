// kubectl proxy's server (kubectl/pkg/proxy NewServer): Go's ServeMux with the API prefix (and the
// static prefix with --www) — unclean paths and a prefix without its slash are redirected, other
// paths get `404 page not found` — then the filter, then the apiserver. A prefix that does not
// start with /api is stripped before the request goes on.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { posix } from 'node:path';
import type { RestConfig } from '../../../../client/rest-config.js';
import { accepts, extractHost, type Filter } from './filter.js';
import { forward, forwardUpgrade, httpError, type ProxyErrorLog } from './forward.js';
import { redirect, serveStatic } from './static.js';

export interface ProxyServerOptions {
  config: RestConfig;
  apiPrefix: string;
  staticPrefix: string;
  staticDir: string;
  filter: Filter | undefined;
  log: ProxyErrorLog;
}

/** Go's cleanPath: path.Clean, keeping a trailing slash. */
export function cleanPath(p: string): string {
  if (p === '') return '/';
  const abs = p.startsWith('/') ? p : `/${p}`;
  const c = posix.normalize(abs).replace(/\/+$/, '') || '/';
  return abs.endsWith('/') && c !== '/' ? `${c}/` : c;
}

type Route = { kind: 'api'; path: string } | { kind: 'static'; rel: string } | { kind: 'redirect'; to: string } | { kind: 'none' };

/** The mux's choice for a path: the longest matching pattern. */
function route(o: ProxyServerOptions, raw: string, query: string): Route {
  const path = unescape(raw);
  const clean = cleanPath(path);
  if (clean !== path) return { kind: 'redirect', to: clean + query };
  const patterns = [o.apiPrefix, ...(o.staticDir ? [o.staticPrefix] : [])].sort((a, b) => b.length - a.length);
  const hit = patterns.find((p) => path.startsWith(p));
  if (!hit) {
    const dirOf = patterns.find((p) => p.endsWith('/') && p.length > 1 && path === p.slice(0, -1));
    return dirOf ? { kind: 'redirect', to: dirOf + query } : { kind: 'none' };
  }
  if (hit === o.staticPrefix && o.staticDir && hit !== o.apiPrefix) return { kind: 'static', rel: path.slice(hit.length) };
  if (o.apiPrefix.startsWith('/api')) return { kind: 'api', path: raw };
  const rest = raw.slice(o.apiPrefix.length);
  return { kind: 'api', path: rest.startsWith('/') ? rest : `/${rest}` };
}

function target(o: ProxyServerOptions): URL {
  const s = o.config.server.endsWith('/') ? o.config.server : `${o.config.server}/`;
  return new URL(s);
}

function unescape(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** The route of a request, and whether the filter (which sees the path after the prefix is stripped) lets it pass. */
function decide(o: ProxyServerOptions, req: IncomingMessage): { route: Route; url: { pathname: string; search: string }; allowed: boolean } {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const url = { pathname: q < 0 ? raw : raw.slice(0, q), search: q < 0 ? '' : raw.slice(q) };
  const r = route(o, url.pathname, url.search);
  const allowed = r.kind !== 'api' || !o.filter || accepts(o.filter, req.method ?? 'GET', unescape(r.path), extractHost(req.headers.host ?? ''));
  return { route: r, url, allowed };
}

async function handle(o: ProxyServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { route: r, url, allowed } = decide(o, req);
  const method = req.method ?? 'GET';
  if (r.kind === 'redirect') return redirect(res, method, r.to);
  if (r.kind === 'none') return httpError(res, 404, '404 page not found');
  if (r.kind === 'static') return serveStatic(res, method, o.staticDir, r.rel, url.pathname);
  if (!allowed) return httpError(res, 403, 'Forbidden');
  forward(o.config, target(o), r.path + url.search, req, res, o.log);
}

function upgrade(o: ProxyServerOptions, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const { route: r, url, allowed } = decide(o, req);
  if (r.kind !== 'api' || !allowed) {
    const [code, text] = r.kind === 'api' ? [403, 'Forbidden'] : [404, '404 page not found'];
    const body = `${text}\n`;
    socket.end(`HTTP/1.1 ${code} ${code === 403 ? 'Forbidden' : 'Not Found'}\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    return;
  }
  forwardUpgrade(o.config, target(o), r.path + url.search, req, socket, head, o.log);
}

export function proxyServer(o: ProxyServerOptions): Server {
  const server = createServer((req, res) => {
    handle(o, req, res).catch((err: Error) => {
      if (!res.headersSent) httpError(res, 500, err.message);
    });
  });
  server.keepAliveTimeout = 0;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => upgrade(o, req, socket, head));
  return server;
}
