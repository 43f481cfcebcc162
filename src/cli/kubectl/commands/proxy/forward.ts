// The proxy's handler for accepted requests (apimachinery's UpgradeAwareHandler with the kubeconfig's
// transport): the request goes to the apiserver at the same path and query with the user's
// credentials added, the answer comes back as it is (hop-by-hop headers dropped); an upgrade
// (WebSocket, SPDY) is passed through as two piped connections. A failed connection is logged and
// answered 500 with Go's error text.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { RestConfig } from '../../../../client/rest-config.js';
import { authHeaders, tlsOptions } from '../../../../client/rest-auth.js';
import { transportError } from '../../../../client/transport-error.js';

const HOP_BY_HOP = new Set(['connection', 'proxy-connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

export type ProxyErrorLog = (message: string) => void;

/** The client's headers for the apiserver: hop-by-hop ones dropped, Host the server's, credentials added unless the client brought some. */
function upstreamHeaders(c: RestConfig, target: URL, incoming: IncomingHttpHeaders, upgrade: boolean): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(incoming)) {
    if (v === undefined || k === 'host' || (!upgrade && HOP_BY_HOP.has(k))) continue;
    out[k] = v;
  }
  const auth = authHeaders(c);
  if (incoming.authorization) delete auth.Authorization;
  if (incoming['user-agent']) delete auth['User-Agent'];
  return { ...out, ...auth, host: target.host };
}

/** Go's http.Error: the text, text/plain, nosniff (then the server's Date and Content-Length). */
export function httpError(res: ServerResponse, code: number, text: string): void {
  const body = `${text}\n`;
  res.sendDate = false;
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', Date: new Date().toUTCString(), 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** textproto.CanonicalMIMEHeaderKey: content-type → Content-Type. */
export const canonicalKey = (k: string): string => k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());

/** The upstream answer's headers as Go's server writes a header map: canonical names, sorted. */
function answerHeaders(up: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const keys = Object.keys(up.headers).filter((k) => !HOP_BY_HOP.has(k)).sort();
  for (const k of keys) out[canonicalKey(k)] = up.headers[k]!;
  return out;
}

export function forward(c: RestConfig, target: URL, path: string, req: IncomingMessage, res: ServerResponse, log: ProxyErrorLog): void {
  const send = target.protocol === 'http:' ? httpRequest : httpsRequest;
  const out = send({
    protocol: target.protocol, hostname: target.hostname, port: target.port || (target.protocol === 'http:' ? 80 : 443),
    method: req.method, path, headers: upstreamHeaders(c, target, req.headers, false), ...tlsOptions(c), agent: false,
  }, (up) => {
    const headers = answerHeaders(up);
    if (headers.Date) res.sendDate = false;
    res.writeHead(up.statusCode ?? 502, headers);
    up.pipe(res);
  });
  out.on('error', (err) => {
    const message = transportError(req.method ?? 'GET', new URL(path, target), err).inner;
    log(`Error while proxying request: ${message}`);
    if (!res.headersSent) httpError(res, 500, message);
    else res.destroy();
  });
  req.pipe(out);
}

/** An upgrade request: a raw connection to the apiserver carrying the request, then both ways piped. */
export function forwardUpgrade(c: RestConfig, target: URL, path: string, req: IncomingMessage, client: Duplex, head: Buffer, log: ProxyErrorLog): void {
  const port = Number(target.port || (target.protocol === 'http:' ? 80 : 443));
  const up: Socket = target.protocol === 'http:'
    ? tcpConnect(port, target.hostname)
    : tlsConnect({ host: target.hostname, port, servername: target.hostname, ...tlsOptions(c) });
  up.once(target.protocol === 'http:' ? 'connect' : 'secureConnect', () => {
    const lines = [`${req.method ?? 'GET'} ${path} HTTP/1.1`];
    for (const [k, v] of Object.entries(upstreamHeaders(c, target, req.headers, true))) {
      for (const one of Array.isArray(v) ? v : [v]) lines.push(`${k}: ${one}`);
    }
    up.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) up.write(head);
    up.pipe(client);
    client.pipe(up);
  });
  up.on('error', (err) => {
    log(`Error while proxying request: ${transportError(req.method ?? 'GET', new URL(path, target), err).inner}`);
    client.destroy();
  });
  client.on('error', () => up.destroy());
}
