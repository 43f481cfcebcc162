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
import { parseGoUrl } from '../../../client/go-url.js';
import { cheapDefaultStore } from '../../../client/startup-env.js';
import { goQuote } from '../../../printers/go-quote.js';

export interface HttpResult { status: number; headers: http.IncomingHttpHeaders; body: string }

export class ClusterError extends Error {
  constructor(readonly errors: string[]) {
    super(`client: etcd cluster is unavailable or misconfigured; ${errors.map((e, i) => `error #${i}: ${e}\n`).join('; ')}`);
  }
  detail(): string { return this.errors.map((e, i) => `error #${i}: ${e}\n`).join(''); }
  /** every endpoint refused the connection (etcdctl then exits 2) */
  get connectionOnly(): boolean { return this.errors.every((e) => e.startsWith('dial ')); }
}

/** context.DeadlineExceeded of the command's --total-timeout: no other endpoint is tried. */
export class DeadlineError extends Error {
  constructor() { super('context deadline exceeded'); }
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
  // TLSInfo.ClientConfig: the certificate pair first (both or neither), then the CA bundle
  const certFile = ctx.globalOrEnv('cert-file', 'ETCDCTL_CERT_FILE');
  const keyFile = ctx.globalOrEnv('key-file', 'ETCDCTL_KEY_FILE');
  if ((certFile !== '' || keyFile !== '') && (certFile === '' || keyFile === '')) {
    ctx.err(`KeyFile and CertFile must both be present[key: ${keyFile}, cert: ${certFile}]\n`);
    throw new ExitError(V2_EXIT.badArgs, '', true);
  }
  const cert = read('cert-file', 'ETCDCTL_CERT_FILE');
  const key = read('key-file', 'ETCDCTL_KEY_FILE');
  const ca = read('ca-file', 'ETCDCTL_CA_FILE');
  if (ca) cheapDefaultStore();
  return { ca, cert, key };
}

export class V2Client {
  auth: string | undefined;

  /** when --total-timeout ends the command's context (undefined: no deadline, as cluster-health) */
  private readonly deadline: number | undefined;
  /** --timeout: HeaderTimeoutPerRequest, 0 for none */
  private readonly headerTimeoutMs: number;

  private constructor(readonly ctx: V2Context, public endpoints: string[], private readonly tls: Tls, totalTimeout: boolean) {
    const ms = (name: string, def: number): number => Number(ctx.globals.values.get(name) ?? def);
    this.deadline = totalTimeout ? Date.now() + ms('total-timeout', 5000) : undefined;
    this.headerTimeoutMs = ms('timeout', 2000);
  }

  static create(ctx: V2Context, totalTimeout = true): V2Client {
    const eps = peers(ctx);
    // SetEndpoints: each must parse as a URL (client.New's error ends etcdctl, exit 1)
    for (const ep of eps) {
      try {
        parseGoUrl(ep);
      } catch (err) {
        ctx.err(`${(err as Error).message}\n`);
        throw new ExitError(V2_EXIT.badArgs, '', true);
      }
    }
    return new V2Client(ctx, eps.length === 2 ? [eps[1]!, eps[0]!] : eps, tlsFiles(ctx), totalTimeout);
  }

  /** The request's own timeout: the header timeout or what is left of the command's, whichever ends first. */
  private timeoutFor(ep: string): { ms: number; error: () => Error } | undefined {
    const header = this.headerTimeoutMs > 0 ? { ms: this.headerTimeoutMs, error: () => new Error(`client: endpoint ${ep} exceeded header timeout`) } : undefined;
    if (this.deadline === undefined) return header;
    const left = { ms: this.deadline - Date.now(), error: () => new DeadlineError() };
    return header === undefined || left.ms <= header.ms ? left : header;
  }

  debug(line: string): void {
    if (this.ctx.globalBool('debug')) this.ctx.err(`${line}\n`);
  }

  private once(ep: string, method: string, path: string, body?: string, curl = true): Promise<HttpResult> {
    // the endpoint's own path prefixes the API's
    const base = parseGoUrl(ep);
    if (!['http', 'https', 'unix', 'unixs'].includes(base.scheme)) return Promise.reject(new Error(`unsupported protocol scheme ${JSON.stringify(base.scheme)}`));
    const unix = base.scheme.startsWith('unix');
    // etcd's transport dials unix sockets at the URL's host:port, port 80 by default
    const socketPath = unix ? (/:\d*$/.test(base.host) ? base.host : `${base.host}:80`) : undefined;
    const url = new URL(`${unix ? (base.scheme === 'unixs' ? 'https' : 'http') : base.scheme}://${unix ? 'localhost' : base.host}${base.path.replace(/\/$/, '')}${path}`);
    // printcURL: the body as %q
    if (curl) this.debug(`cURL Command: curl -X ${method} ${url.toString()}${body !== undefined ? ` -d ${goQuote(body)}` : ''}`);
    const type = body?.startsWith('{') === true ? 'application/json' : 'application/x-www-form-urlencoded';
    const headers: Record<string, string> = body !== undefined ? { 'Content-Type': type } : {};
    if (this.auth !== undefined) headers.Authorization = `Basic ${Buffer.from(this.auth).toString('base64')}`;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      // client/v2 puts no deadline on a long poll (wait=true, Go's ParseBool): watch and
      // exec-watch wait for as long as the key stays unchanged.
      const waiting = goParseBool(url.searchParams.get('wait') ?? '') === true;
      const timeout = waiting ? undefined : this.timeoutFor(ep);
      if (timeout !== undefined && timeout.ms <= 0) { reject(timeout.error()); return; }
      const req = lib.request(url, { method, headers, socketPath, ...this.tls, ...(timeout ? { timeout: timeout.ms } : {}) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', (err) => reject(err instanceof DeadlineError || err.message.startsWith('client: endpoint') ? err : new Error(netError(err, url, socketPath))));
      // a kept-alive socket keeps the idle timeout of the request that opened it
      if (timeout === undefined) req.on('socket', (socket) => socket.setTimeout(0));
      else req.on('timeout', () => req.destroy(timeout.error()));
      req.end(body);
    });
  }

  /** One request to one URL: cluster-health probes each member with a plain HTTP client (no cURL line). */
  requestAt(base: string, method: string, path: string): Promise<HttpResult> {
    return this.once(base, method, path, undefined, false);
  }

  /** One request, tried on each endpoint until one answers. */
  async request(method: string, path: string, body?: string): Promise<HttpResult> {
    const errors: string[] = [];
    for (const ep of this.endpoints) {
      try {
        return await this.once(ep, method, path, body);
      } catch (err) {
        if (err instanceof DeadlineError) throw err;
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
      // isConnectionError: a timeout is one
      if (err instanceof DeadlineError) this.ctx.fail(V2_EXIT.badConnection, err.message);
    }
    this.debug(`got endpoints(${this.endpoints.join(',')}) after sync`);
  }
}
