// Opening exec/attach's stream as client-go's FallbackExecutor does: a WebSocket offering
// v5.channel.k8s.io (GET); when that upgrade fails, the SPDY/3.1 upgrade (POST), whose refusal is
// what the user sees (a Status becomes the API error, other text `unable to upgrade connection:
// …`). This client speaks no SPDY: a server that accepts it gets the connection closed.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { RestConfig } from '../../../../client/rest-config.js';
import { statusOf, withTimeout } from '../../../../client/rest.js';
import { typedError } from '../../resource/request.js';
import { transportError } from '../../../../client/transport-error.js';
import { authHeaders, tlsOptions } from '../../../../client/rest-auth.js';
import { readAll } from '../../../shared/io.js';
import { traceRequest } from '../../../../client/request-trace.js';
import type { Klog } from '../../klog.js';

export const V5_PROTOCOL = 'v5.channel.k8s.io';
const SPDY_PROTOCOLS = [V5_PROTOCOL, 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

const headers = authHeaders;
const tls = tlsOptions;

class UpgradeFailure extends Error {}

const body = async (res: IncomingMessage): Promise<string> => (await readAll(res)).toString('utf8');

function websocket(c: RestConfig, path: string, klog?: Klog): Promise<WebSocket> {
  const url = new URL(path, c.server);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  const traced = traceRequest(c.trace, { method: 'GET', url: new URL(path, c.server).href, headers: { ...headers(c), 'Sec-Websocket-Protocol': V5_PROTOCOL } });
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [V5_PROTOCOL], { ...tls(c), headers: headers(c) as Record<string, string>, perMessageDeflate: false, followRedirects: false });
    ws.once('upgrade', (res) => traced.done(res));
    ws.once('unexpected-response', (_req, res) => {
      // gorilla's dialer hands the round tripper no response on a bad handshake
      traced.done(undefined);
      void body(res).then((text) => {
        const s = statusOf({ status: res.statusCode ?? 0, body: text });
        const cause = s.kind === 'Status' ? (s.message ?? '') : `websocket: bad handshake (${res.statusCode ?? 0} ${res.statusMessage ?? ''})`;
        reject(new UpgradeFailure(`unable to upgrade streaming request: ${cause}`));
      }, reject);
    });
    ws.once('error', (err) => {
      traced.done(undefined, err);
      reject(err.message.startsWith('Unexpected server response') ? new UpgradeFailure(err.message) : transportError('GET', new URL(path, c.server), err));
    });
    ws.once('open', () => {
      klog?.info(4, 'websocket.go:133', `The subprotocol is ${ws.protocol}`);
      if (ws.protocol === V5_PROTOCOL) return resolve(ws);
      ws.terminate();
      reject(new UpgradeFailure(`invalid protocol, expected one of ["${V5_PROTOCOL}"], got "${ws.protocol}"`));
    });
  });
}

/** The SPDY upgrade: its refusal as the SPDY round tripper reports it. */
function spdy(c: RestConfig, path: string): Promise<never> {
  const url = new URL(path, c.server);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  const sent = { ...headers(c), 'X-Stream-Protocol-Version': SPDY_PROTOCOLS };
  const traced = traceRequest(c.trace, { method: 'POST', url: url.href, headers: sent }, false);
  return new Promise((_resolve, reject) => {
    const req = send(url, {
      method: 'POST', ...tls(c),
      headers: { ...sent, Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'Content-Length': '0' },
    });
    req.once('socket', (s) => traced.socket(s));
    req.once('upgrade', (res, socket) => {
      traced.done(res);
      socket.destroy();
      reject(new Error('unable to upgrade connection: this kubectl streams over WebSockets only'));
    });
    req.once('response', (res) => {
      traced.done(res);
      void body(res).then((text) => {
        const s = statusOf({ status: res.statusCode ?? 0, body: text });
        reject(s.kind === 'Status' ? typedError(s) : new Error(`unable to upgrade connection: ${text.trim()}`));
      }, reject);
    });
    req.once('error', (err) => {
      traced.done(undefined, err);
      reject(transportError('POST', url, err));
    });
    req.end();
  });
}

/** The v5 WebSocket to path (its query included), or the error the fallback ends with. */
export async function connect(c: RestConfig, requestPath: string, klog?: Klog): Promise<WebSocket> {
  // the upgrade request comes from the same REST client as the rest: it has --request-timeout's ?timeout=
  const path = c.timeout ? withTimeout(requestPath, c.timeout.text) : requestPath;
  try {
    return await websocket(c, path, klog);
  } catch (err) {
    if (!(err instanceof UpgradeFailure)) throw err;
    klog?.info(4, 'fallback.go:56', `RemoteCommand fallback: ${err.message}`);
    return spdy(c, path);
  }
}
