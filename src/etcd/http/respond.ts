// Answers written as etcd's Go HTTP stack writes them: header names in Go's canonical case and
// sorted order, an explicit Content-Length (kept on HEAD), Go's plain-text errors and redirects.
import type http from 'node:http';

export type Headers = Record<string, string>;

/** Sets headers as Go writes them: its header map sorted by name, then Date. */
export function setGoHeaders(res: http.ServerResponse, headers: Headers): void {
  const all: Headers = {};
  for (const name of res.getHeaderNames()) all[goCanonical(name)] = String(res.getHeader(name));
  Object.assign(all, headers);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const name of Object.keys(all).sort()) res.setHeader(name, all[name]!);
  res.setHeader('Date', new Date().toUTCString());
}

/** Go's CanonicalMIMEHeaderKey: each dash-separated word capitalised. */
function goCanonical(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** An answer with a known body: headers as Go writes them, then Content-Length (kept on HEAD). */
export function send(res: http.ServerResponse, status: number, headers: Headers, body = ''): void {
  setGoHeaders(res, headers);
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.writeHead(status);
  res.end(body);
}

/** Go's http.Error. */
export function goError(res: http.ServerResponse, status: number, text: string, headers: Headers = {}): void {
  send(res, status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, `${text}\n`);
}

export function notFound(res: http.ServerResponse): void {
  goError(res, 404, '404 page not found');
}

/** etcd's allowMethod: 405 with an Allow header, or true when the method is one of `methods`. */
export function allowMethod(req: http.IncomingMessage, res: http.ServerResponse, ...methods: string[]): boolean {
  if (methods.includes(req.method ?? '')) return true;
  goError(res, 405, 'Method Not Allowed', { Allow: methods.join(',') });
  return false;
}

/** What etcd's access controller adds to every client answer (with the default --cors '*'). */
export function setCorsHeaders(res: http.ServerResponse): void {
  res.setHeader('Access-Control-Allow-Headers', 'accept, content-type, authorization');
  res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS, PUT, DELETE');
  res.setHeader('Access-Control-Allow-Origin', '*');
}

/** Go's path.Clean. */
export function goCleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out.at(-1) !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(seg);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** The path Go's ServeMux serves a request path under (it redirects when they differ). */
export function muxCleanPath(p: string): string {
  if (p === '') return '/';
  const rooted = p.startsWith('/') ? p : `/${p}`;
  const clean = goCleanPath(rooted);
  return rooted.endsWith('/') && clean !== '/' ? `${clean}/` : clean;
}

function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);
}

/** ServeMux's 301 to the clean path (query kept), as Go's http.Redirect writes it. */
export function redirectToClean(req: http.IncomingMessage, res: http.ServerResponse, cleanPath: string, rawQuery: string): void {
  const location = rawQuery === '' ? cleanPath : `${cleanPath}?${rawQuery}`;
  const method = req.method ?? 'GET';
  const headers: Headers = { Location: location };
  if (method === 'GET' || method === 'HEAD') headers['Content-Type'] = 'text/html; charset=utf-8';
  send(res, 301, headers, method === 'GET' ? `<a href="${htmlEscape(location)}">Moved Permanently</a>.\n\n` : '');
}

/** Splits a raw request target into its unescaped path and raw query (no dot-segment folding). */
export function splitTarget(target: string): { rawPath: string; path: string; rawQuery: string } {
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const rawQuery = q === -1 ? '' : target.slice(q + 1);
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // Go answers 400 for a bad escape in the request line; keep the raw path.
  }
  return { rawPath, path, rawQuery };
}
