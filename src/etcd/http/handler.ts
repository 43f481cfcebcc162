// The HTTP/1.1 side of the client port: /version, /health, and the v2 API's members endpoint.
import http from 'node:http';
import { CLUSTER_VERSION, ETCD_VERSION, type EtcdServer } from '../server.js';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end('404 page not found\n');
}

export function membersBody(server: EtcdServer): unknown {
  return {
    members: server.membership.members.map((m) => ({ id: m.id.toString(16), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs })),
  };
}

/** The client port's HTTP server; extra routes (the v2 keys API) are tried first. */
export function clientHttp(server: EtcdServer, routes: Route[] = []): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      for (const route of routes) if (await route(req, res, url)) return;
      if (url.pathname === '/version') return json(res, 200, { etcdserver: ETCD_VERSION, etcdcluster: CLUSTER_VERSION });
      if (url.pathname === '/health') return json(res, 200, { health: 'true' });
      if (server.config.enableV2 && url.pathname === '/v2/members') return json(res, 200, membersBody(server));
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
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/version') return json(res, 200, { etcdserver: ETCD_VERSION, etcdcluster: CLUSTER_VERSION });
    if (url.pathname === '/members') return json(res, 200, server.membership.members.map((m) => ({ id: m.id.toString(16), name: m.name, peerURLs: m.peerURLs, clientURLs: m.clientURLs })));
    notFound(res);
  });
}
