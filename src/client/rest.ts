// The HTTPS client: one keep-alive agent per config, JSON in and out, watches read as a stream of
// newline-separated JSON events. Non-2xx answers become ApiError with the server's Status.
import { Agent, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { RestConfig } from './rest-config.js';
import type { TracedResponse } from './request-trace.js';
import { authHeaders, tlsOptions } from './rest-auth.js';
import { DeadlineError, transportError } from './transport-error.js';
import { resourceOfPath, resourcePath, queryString } from './paths.js';
import { genericServerMessage, genericServerReason } from './generic-error.js';
import {
  ApiError, type ApiStatus, type Client, type DeleteOptions, type ListOptions, type Obj, type ObjList, type PatchType,
  type ResourceRef, type Watch, type WatchEvent, type WatchOptions, type WriteOptions,
} from './types.js';

export interface RawResponse {
  status: number;
  body: string;
  /** the answer's Content-Type ('' when it had none) */
  contentType?: string;
}

export interface OpenOptions {
  /**
   * false: leave out the ?timeout= of the configured timeout (its deadline still holds), as
   * client-go's generated List and Watch do: they set Timeout(0) unless TimeoutSeconds is given.
   */
  timeoutParam?: boolean;
}

export class RestClient implements Client {
  private readonly agent: Agent | HttpAgent;
  private readonly watchAgent: Agent | HttpAgent;
  private readonly base: URL;

  constructor(readonly config: RestConfig) {
    this.base = new URL(config.server);
    const tls = tlsOptions(config);
    // Requests share a few kept-alive connections (TLS setup dominates otherwise); every watch
    // holds a connection of its own for its lifetime (client-go multiplexes them over HTTP/2).
    const plain = this.base.protocol === 'http:';
    this.agent = plain ? new HttpAgent({ keepAlive: true, maxSockets: 8 }) : new Agent({ keepAlive: true, maxSockets: 8, maxFreeSockets: 8, ...tls });
    this.watchAgent = plain ? new HttpAgent({ keepAlive: false }) : new Agent({ keepAlive: false, maxSockets: Infinity, ...tls });
  }

  close(): void {
    this.agent.destroy();
    this.watchAgent.destroy();
  }

  private headers(accept?: string): Record<string, string | string[]> {
    return { Accept: accept ?? 'application/json', ...authHeaders(this.config) };
  }

  private open(method: string, rawPath: string, body?: string, contentType?: string, agent: Agent | HttpAgent = this.agent, accept?: string, o: OpenOptions = {}): Promise<IncomingMessage> {
    const timeout = this.config.timeout;
    const path = timeout && o.timeoutParam !== false ? withTimeout(rawPath, timeout.text) : rawPath;
    const headers = this.headers(accept);
    if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
    const trace = this.config.trace;
    const traced = trace ? { method, url: new URL(path, this.base).href, headers: { ...headers }, ...(body !== undefined ? { body } : {}) } : undefined;
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const request = this.base.protocol === 'http:' ? httpRequest : httpsRequest;
    if (traced) trace!.request(traced);
    const t = { start: performance.now(), connected: 0, written: 0 };
    const timing = (): Pick<TracedResponse, 'ms' | 'connectMs' | 'serverMs'> => {
      const now = performance.now();
      return { ms: now - t.start, connectMs: (t.connected || now) - t.start, serverMs: t.written ? now - t.written : 0 };
    };
    return new Promise((resolve, reject) => {
      let response: IncomingMessage | undefined;
      const req = request({
        protocol: this.base.protocol, hostname: this.base.hostname, port: this.base.port || (this.base.protocol === 'http:' ? 80 : 443),
        path, method, headers, agent,
      }, (res) => {
        response = res;
        if (traced) trace!.response(traced, { status: `${res.statusCode ?? 0} ${res.statusMessage ?? ''}`, headers: headerPairs(res.rawHeaders), ...timing() });
        this.warnings(res);
        resolve(res);
      });
      if (timeout && timeout.ms > 0) {
        // http.Client.Timeout: the whole exchange, reading the answer included
        const timer = setTimeout(() => (response ? response.destroy(new DeadlineError(true)) : req.destroy(new DeadlineError(false))), timeout.ms);
        timer.unref();
        req.once('close', () => clearTimeout(timer));
      }
      if (traced) {
        req.once('socket', (sock) => {
          if (req.reusedSocket || !sock.connecting) t.connected = performance.now();
          else sock.once(this.base.protocol === 'http:' ? 'connect' : 'secureConnect', () => { t.connected = performance.now(); });
        });
        req.once('finish', () => { t.written = performance.now(); });
      }
      req.on('error', (err) => {
        // after the answer came (a deadline cutting its body), the request was already logged
        if (response) return;
        if (traced) trace!.response(traced, { status: '', headers: [], ...timing(), serverMs: 0, error: err });
        reject(transportError(method, new URL(path, this.base), err));
      });
      req.end(body);
    });
  }

  /** RFC 7234 warnings (`299 - "text"`), one header each, as client-go hands them to its handler. */
  private warnings(res: IncomingMessage): void {
    if (!this.config.onWarning) return;
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
      if (res.rawHeaders[i]!.toLowerCase() !== 'warning') continue;
      const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(res.rawHeaders[i + 1]!);
      if (m) this.config.onWarning(m[1]!.replace(/\\(.)/g, '$1'));
    }
  }

  /** One GET whose answer is read as it arrives (logs -f, proxies); the caller consumes it. */
  stream(path: string, accept?: string): Promise<IncomingMessage> {
    return this.open('GET', path, undefined, undefined, this.watchAgent, accept);
  }

  /** One request, its whole answer as text. */
  async raw(method: string, path: string, body?: string, contentType?: string, accept?: string, o: OpenOptions = {}): Promise<RawResponse> {
    const res = await this.open(method, path, body, contentType, this.agent, accept, o);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    this.config.trace?.body({ method, url: new URL(path, this.base).href, headers: {} }, text);
    return { status: res.statusCode ?? 0, body: text, contentType: res.headers['content-type'] ?? '' };
  }

  private async json<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const r = await this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), contentType);
    if (r.status < 200 || r.status > 299) throw new ApiError(statusOf(r));
    return JSON.parse(r.body) as T;
  }

  get<T extends Obj>(ref: ResourceRef, ns: string, name: string, sub?: string): Promise<T> {
    return this.json('GET', resourcePath(ref, ns, name, sub));
  }

  list<T extends Obj>(ref: ResourceRef, ns: string, o: ListOptions = {}): Promise<ObjList<T>> {
    return this.json('GET', resourcePath(ref, ns) + queryString({ ...o }));
  }

  create<T extends Obj>(ref: ResourceRef, ns: string, obj: Obj, o: WriteOptions & { name?: string } = {}): Promise<T> {
    return this.json('POST', resourcePath(ref, ns, o.name, o.subresource) + writeQuery(o), obj);
  }

  update<T extends Obj>(ref: ResourceRef, obj: Obj, o: WriteOptions = {}): Promise<T> {
    return this.json('PUT', resourcePath(ref, obj.metadata.namespace ?? '', obj.metadata.name, o.subresource) + writeQuery(o), obj);
  }

  patch<T extends Obj>(ref: ResourceRef, ns: string, name: string, type: PatchType, patch: unknown, o: WriteOptions = {}): Promise<T> {
    return this.json('PATCH', resourcePath(ref, ns, name, o.subresource) + writeQuery(o), patch, type);
  }

  async delete(ref: ResourceRef, ns: string, name: string, o: DeleteOptions = {}): Promise<Obj | undefined> {
    const body = Object.keys(o).length ? { kind: 'DeleteOptions', apiVersion: 'v1', ...o } : undefined;
    const res = await this.json<Obj>('DELETE', resourcePath(ref, ns, name), body);
    return res.kind === 'Status' ? undefined : res;
  }

  watch<T extends Obj>(ref: ResourceRef, ns: string, o: WatchOptions, onEvent: (e: WatchEvent<T>) => void): Watch {
    return this.watchPath(resourcePath(ref, ns) + queryString({ watch: 'true', ...o }), onEvent);
  }

  /** A watch on a full path (query included), optionally asking for Tables (`accept`). */
  watchPath<T extends Obj>(path: string, onEvent: (e: WatchEvent<T>) => void, accept?: string): Watch {
    let res: IncomingMessage | undefined;
    let stopped = false;
    let cut = false;
    const done = (async (): Promise<Error | undefined> => {
      try {
        res = await this.open('GET', path, undefined, undefined, this.watchAgent, accept);
        if (stopped) { res.destroy(); return undefined; }
        if ((res.statusCode ?? 0) !== 200) {
          const chunks: Buffer[] = [];
          for await (const c of res) chunks.push(c as Buffer);
          return new ApiError(statusOf({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        }
        return await readEvents(res, onEvent);
      } catch (err) {
        // a watch cut by the client's timeout ends as if the server had closed it (client-go's
        // StreamWatcher only logs the read error)
        if (stopped) return undefined;
        cut = err instanceof DeadlineError && err.whileReading;
        return cut ? undefined : (err as Error);
      }
    })();
    return { stop() { stopped = true; res?.destroy(); }, done, get cutByDeadline() { return cut; } };
  }
}

async function readEvents<T extends Obj>(res: IncomingMessage, onEvent: (e: WatchEvent<T>) => void): Promise<Error | undefined> {
  let buf = '';
  for await (const chunk of res) {
    buf += (chunk as Buffer).toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (!line) continue;
      const ev = JSON.parse(line) as WatchEvent<T>;
      if (ev.type === 'ERROR') return new ApiError(ev.object as unknown as ApiStatus);
      onEvent(ev);
    }
  }
  return undefined;
}

/**
 * The path with client-go's `timeout` parameter, unless it has one (discovery sets its own):
 * url.Values.Encode sorts the keys, so it goes before the first key after it.
 */
export function withTimeout(path: string, text: string): string {
  const at = path.indexOf('?');
  const params = at < 0 ? [] : path.slice(at + 1).split('&').filter((p) => p !== '');
  const key = (p: string) => decodeURIComponent(p.split('=')[0]!);
  if (params.some((p) => key(p) === 'timeout')) return path;
  const after = params.findIndex((p) => key(p) > 'timeout');
  params.splice(after < 0 ? params.length : after, 0, `timeout=${encodeURIComponent(text)}`);
  return `${at < 0 ? path : path.slice(0, at)}?${params.join('&')}`;
}

/** Node's rawHeaders as name/value pairs. */
function headerPairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

function writeQuery(o: WriteOptions): string {
  return queryString({ dryRun: o.dryRun ? 'All' : undefined, fieldManager: o.fieldManager });
}

/**
 * The Status of a non-2xx answer. With the request it answered, an answer that is no Status becomes
 * what client-go's transformResponse makes of it (newUnstructuredResponseError): a fixed message
 * per code, then `(<verb> <resource> <name>)`.
 */
export function statusOf(r: RawResponse, request?: { method: string; path: string }): ApiStatus {
  try {
    const s = JSON.parse(r.body) as ApiStatus;
    if (s && typeof s === 'object' && s.kind === 'Status') return { ...s, code: s.code ?? r.status };
  } catch { /* not a Status */ }
  if (!request) return { code: r.status, message: r.body.trim() || `HTTP ${r.status}` };
  // isTextResponse: no Content-Type, or text/*; the body is "unknown" otherwise
  const text = r.contentType === '' || r.contentType === undefined || /^text\//i.test(r.contentType) ? r.body.trim() : 'unknown';
  const { resource, name } = resourceOfPath(request.path);
  return { code: r.status, reason: genericServerReason(r.status), message: genericServerMessage(r.status, request.method, resource, name, text) };
}

