// Opening exec/attach's stream as client-go's FallbackExecutor does: a WebSocket offering
// v5.channel.k8s.io (GET); when that upgrade fails, the SPDY/3.1 upgrade (POST), whose refusal is
// what the user sees (a Status becomes the API error, other text `unable to upgrade connection:
// …`). This client speaks no SPDY: a server that accepts it gets the connection closed.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { RestConfig } from '../../../../client/rest-config.js';
import { statusOf } from '../../../../client/rest.js';
import { ApiError } from '../../../../client/types.js';
import { transportError } from '../../../../client/transport-error.js';
import { authHeaders, tlsOptions } from '../../../../client/rest-auth.js';
import { readAll } from '../../../shared/io.js';

export const V5_PROTOCOL = 'v5.channel.k8s.io';
const SPDY_PROTOCOLS = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

const headers = authHeaders;
const tls = tlsOptions;

class UpgradeFailure extends Error {}

const body = async (res: IncomingMessage): Promise<string> => (await readAll(res)).toString('utf8');

function websocket(c: RestConfig, path: string): Promise<WebSocket> {
  const url = new URL(path, c.server);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [V5_PROTOCOL], { ...tls(c), headers: headers(c) as Record<string, string>, perMessageDeflate: false, followRedirects: false });
    ws.once('unexpected-response', (_req, res) => {
      void body(res).then(() => reject(new UpgradeFailure(`websocket: bad handshake (${res.statusCode})`)), reject);
    });
    ws.once('error', (err) => reject(err.message.startsWith('Unexpected server response') ? new UpgradeFailure(err.message) : transportError('GET', new URL(path, c.server), err)));
    ws.once('open', () => {
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
  return new Promise((_resolve, reject) => {
    const req = send(url, {
      method: 'POST', ...tls(c),
      headers: { ...headers(c), Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': SPDY_PROTOCOLS, 'Content-Length': '0' },
    });
    req.once('upgrade', (_res, socket) => {
      socket.destroy();
      reject(new Error('unable to upgrade connection: this kubectl streams over WebSockets only'));
    });
    req.once('response', (res) => {
      void body(res).then((text) => {
        const s = statusOf({ status: res.statusCode ?? 0, body: text });
        reject(s.kind === 'Status' ? new ApiError(s) : new Error(`unable to upgrade connection: ${text.trim()}`));
      }, reject);
    });
    req.once('error', (err) => reject(transportError('POST', url, err)));
    req.end();
  });
}

/** The v5 WebSocket to path (its query included), or the error the fallback ends with. */
export async function connect(c: RestConfig, path: string): Promise<WebSocket> {
  try {
    return await websocket(c, path);
  } catch (err) {
    if (!(err instanceof UpgradeFailure)) throw err;
    return spdy(c, path);
  }
}
