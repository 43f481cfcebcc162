// The v2 HTTP client (client/v2 as etcdctl uses it): endpoints from flags or ETCDCTL_* vars,
// an optional "sync" to the members' advertised client URLs, each request tried on every
// endpoint in turn; failures on all of them are one cluster error.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve as resolvePath } from 'node:path';
import { goParseBool } from '../../../etcd/http/form.js';
import { ExitError } from '../../shared/exit.js';
import type { V2Context } from './context.js';
import { V2_EXIT } from './exit-codes.js';
import { netError } from './net-errors.js';

export interface HttpResult { status: number; headers: http.IncomingHttpHeaders; body: string }

export class ClusterError extends Error {
  constructor(readonly errors: string[]) {
    super(`client: etcd cluster is unavailable or misconfigured; ${errors.map((e, i) => `error #${i}: ${e}\n`).join('; ')}`);
  }
  detail(): string { return this.errors.map((e, i) => `error #${i}: ${e}\n`).join(''); }
  /** every endpoint refused the connection (etcdctl then exits 2) */
  get connectionOnly(): boolean { return this.errors.every((e) => e.startsWith('dial tcp')); }
}

function peers(ctx: V2Context): string[] {
  const text = ctx.globalOrEnv('endpoints', 'ETCDCTL_ENDPOINTS') || ctx.globalOrEnv('endpoint', 'ETCDCTL_ENDPOINT')
    || ctx.globalOrEnv('peers', 'ETCDCTL_PEERS') || 'http://127.0.0.1:2379,http://127.0.0.1:4001';
  return text.split(',');
}

interface Tls { ca?: Buffer; cert?: Buffer; key?: Buffer }

function tlsFiles(ctx: V2Context): Tls {
  const read = (flag: string, env: string): Buffer | undefined => {
    const file = ctx.globalOrEnv(flag, env);
    if (file === '') return undefined;
    try {
      return readFileSync(resolvePath(ctx.io.cwd, file));
    } catch {
      ctx.err(`open ${file}: no such file or directory\n`);
      throw new ExitError(V2_EXIT.badArgs, '', true);
    }
  };
  return { ca: read('ca-file', 'ETCDCTL_CA_FILE'), cert: read('cert-file', 'ETCDCTL_CERT_FILE'), key: read('key-file', 'ETCDCTL_KEY_FILE') };
}

export class V2Client {
  auth: string | undefined;

  private constructor(readonly ctx: V2Context, public endpoints: string[], private readonly tls: Tls) {}

  static create(ctx: V2Context): V2Client {
    const eps = peers(ctx);
    return new V2Client(ctx, eps.length === 2 ? [eps[1]!, eps[0]!] : eps, tlsFiles(ctx));
  }

  private debug(line: string): void {
    if (this.ctx.globalBool('debug')) this.ctx.err(`${line}\n`);
  }

  private once(ep: string, method: string, path: string, body?: string): Promise<HttpResult> {
    const url = new URL(path, ep);
    this.debug(`cURL Command: curl -X ${method} ${url.toString()}${body !== undefined ? ` -d ${body}` : ''}`);
    const type = body?.startsWith('{') === true ? 'application/json' : 'application/x-www-form-urlencoded';
    const headers: Record<string, string> = body !== undefined ? { 'Content-Type': type } : {};
    if (this.auth !== undefined) headers.Authorization = `Basic ${Buffer.from(this.auth).toString('base64')}`;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      // client/v2 puts no deadline on a long poll (wait=true, Go's ParseBool): watch and
      // exec-watch wait for as long as the key stays unchanged.
      const waiting = goParseBool(url.searchParams.get('wait') ?? '') === true;
      const req = lib.request(url, { method, headers, ...this.tls, ...(waiting ? {} : { timeout: 5000 }) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', (err) => reject(new Error(netError(err, url))));
      // a kept-alive socket keeps the 5 s idle timeout of the request that opened it
      if (waiting) req.on('socket', (socket) => socket.setTimeout(0));
      else req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
      req.end(body);
    });
  }

  /** One request to one URL (cluster-health probes each member). */
  requestAt(base: string, method: string, path: string): Promise<HttpResult> {
    return this.once(base, method, path);
  }

  /** One request, tried on each endpoint until one answers. */
  async request(method: string, path: string, body?: string): Promise<HttpResult> {
    const errors: string[] = [];
    for (const ep of this.endpoints) {
      try {
        return await this.once(ep, method, path, body);
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    throw new ClusterError(errors);
  }

  /** GET /v2/members and switch to the members' client URLs; connection failures exit 2. */
  async sync(): Promise<void> {
    this.debug(`start to sync cluster using endpoints(${this.endpoints.join(',')})`);
    try {
      const res = await this.request('GET', '/v2/members');
      const members = (JSON.parse(res.body) as { members?: Array<{ clientURLs?: string[] }> }).members ?? [];
      const urls = members.flatMap((m) => m.clientURLs ?? []);
      if (res.status === 200 && urls.length > 0) this.endpoints = urls;
    } catch (err) {
      if (err instanceof ClusterError && err.connectionOnly) this.ctx.fail(V2_EXIT.badConnection, `${err.message}\n${err.detail()}`);
    }
    this.debug(`got endpoints(${this.endpoints.join(',')}) after sync`);
    this.debug(`Cluster-Endpoints: ${this.endpoints.join(', ')}`);
  }
}
