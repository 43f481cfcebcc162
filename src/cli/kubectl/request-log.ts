// client-go's request logging as kubectl -v shows it: the debugging round tripper
// (transport/round_trippers.go: -v=6 the URL with status and time; 7 the URL, request headers and
// status; 8 also the response headers; 9 a curl command, detailed timing and response headers) and
// rest/request.go's body logging from 8 up (truncated to 1024 chars at 8, 10240 at 9, whole at 10).
import type { RequestTrace, TracedRequest, TracedResponse } from '../../client/request-trace.js';
import { goQuote } from '../../printers/go-quote.js';
import type { Klog } from './klog.js';
import { resourceOfPath } from '../../client/paths.js';

const RT = 'round_trippers.go';
const AUTH_TYPES = new Set(['bearer', 'basic', 'negotiate']);

/** maskValue: an Authorization header keeps only its scheme. */
function maskValue(key: string, value: string): string {
  if (key.toLowerCase() !== 'authorization' || value === '') return value;
  const space = value.indexOf(' ');
  const scheme = space > 0 ? value.slice(0, space) : value;
  if (!AUTH_TYPES.has(scheme.toLowerCase())) return '<masked>';
  return value.length > scheme.length + 1 ? `${scheme} <masked>` : scheme;
}

/** The header lines as Go's http.Header holds them: one entry per name, its values in order. */
function headerLines(pairs: Array<[string, string]>): string[] {
  const byName = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const name = canonicalKey(k);
    byName.set(name, [...(byName.get(name) ?? []), v]);
  }
  return [...byName].flatMap(([k, vs]) => vs.map((v) => `    ${k}: ${maskValue(k, v)}`));
}

/** textproto.CanonicalMIMEHeaderKey: `content-type` → `Content-Type`. */
function canonicalKey(k: string): string {
  return k.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function requestPairs(r: TracedRequest): Array<[string, string]> {
  return Object.entries(r.headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]));
}

/** requestInfo.toCurl: the request as a curl command line (each header %q-quoted, masked). */
function curl(r: TracedRequest): string {
  const headers = headerLines(requestPairs(r)).map((l) => ` -H ${goQuote(l.trimStart())}`).join('');
  return `curl -v -X${r.method} ${headers} '${r.url}'`;
}

/** host:port the request dials (the scheme's port when the URL names none). */
function dialAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'http:' ? '80' : '443')}`;
}

/** DebugDetailedTiming's summary: connection set-up (or the wait for a kept-alive one), server time, total. */
function statistics(r: TracedRequest, res: TracedResponse): string {
  const ms = (n: number): number => Math.floor(n);
  const server = res.serverMs > 0 ? ` ServerProcessing ${ms(res.serverMs)} ms` : '';
  if (r.upgrade) return `HTTP Statistics: DNSLookup 0 ms Dial 0 ms TLSHandshake ${ms(res.tlsMs ?? 0)} ms${server} Duration ${ms(res.ms)} ms`;
  return `HTTP Statistics: GetConnection ${ms(res.connectMs)} ms${server} Duration ${ms(res.ms)} ms`;
}

/** Where rest/request.go's logBody reports from: the caller in cli-runtime's resource Helper. */
export function bodySite(r: TracedRequest): string {
  const u = new URL(r.url);
  if (u.pathname === '/api') return 'discovery_client.go:253';
  if (u.pathname === '/apis') return 'discovery_client.go:319';
  // ServerResourcesForGroupVersion (auth can-i's scope check)
  if (/^\/api\/[^/]+$|^\/apis\/[^/]+\/[^/]+$/.test(u.pathname)) return 'discovery_client.go:404';
  if (u.pathname === '/openapi/v3') return 'client.go:46';
  if (u.pathname.startsWith('/openapi/v3/')) return 'groupversion.go:75';
  if (u.searchParams.get('watch') === 'true') return 'request.go:736';
  switch (r.method) {
    case 'POST': return 'helper.go:246';
    case 'PUT': return 'helper.go:319';
    case 'PATCH': return 'helper.go:269';
    case 'DELETE': return 'helper.go:202';
    default: return isNamed(u.pathname) ? 'helper.go:105' : 'helper.go:113';
  }
}

/** Whether a resource path names one object (`…/pods/x`, `…/namespaces/x`) rather than a list. */
const isNamed = (path: string): boolean => resourceOfPath(path).name !== '';

/** truncateBody: at -v=8 1024 characters, at 9 10240, at 10 and up all of it. */
function truncate(klog: Klog, body: string): string {
  if (klog.v(10)) return body;
  const max = klog.v(9) ? 10240 : 1024;
  return body.length <= max ? body : `${body.slice(0, max)} [truncated ${body.length - max} chars]`;
}

function logBody(klog: Klog, r: TracedRequest, prefix: string, body: string): void {
  klog.infoS(8, bodySite(r), prefix, { body: truncate(klog, body) });
}

/** The RequestTrace for the command's -v level, or undefined below 6. */
export function requestLog(klog: Klog): RequestTrace | undefined {
  if (!klog.v(6)) return undefined;
  const level = Math.min(klog.verbosity, 9);
  const ms = (res: TracedResponse): number => Math.floor(res.ms);
  return {
    request(r) {
      if (!r.upgrade) logBody(klog, r, 'Request Body', r.body ?? '');
      if (level === 7 || level === 8) klog.info(6, `${RT}:470`, `${r.method} ${r.url}`);
      if (level === 9) klog.info(6, `${RT}:473`, curl(r));
      // an upgrade dials a connection of its own, which the detailed trace reports
      if (level === 9 && r.upgrade) klog.info(6, `${RT}:517`, `HTTP Trace: Dial to tcp:${dialAddress(r.url)} succeed`);
      if (level === 7 || level === 8) {
        klog.info(6, `${RT}:476`, 'Request Headers:');
        for (const l of headerLines(requestPairs(r))) klog.info(6, `${RT}:480`, l);
      }
    },
    response(r, res) {
      if (level === 6 || level === 9) klog.info(6, `${RT}:560`, `${r.method} ${r.url} ${res.status} in ${ms(res)} milliseconds`);
      if (level === 9) klog.info(6, `${RT}:577`, statistics(r, res));
      if (level === 7 || level === 8) klog.info(6, `${RT}:581`, `Response Status: ${res.status} in ${ms(res)} milliseconds`);
      if (level >= 8) {
        klog.info(6, `${RT}:584`, 'Response Headers:');
        // Go's transport takes `Connection: close` off the response it hands back
        for (const l of headerLines(res.headers.filter(([k, v]) => !(k.toLowerCase() === 'connection' && /close/i.test(v))))) klog.info(6, `${RT}:587`, l);
      }
    },
    body(r, body) {
      logBody(klog, r, 'Response Body', body);
    },
  };
}
