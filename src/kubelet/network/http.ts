// One HTTP exchange with a web server image: its answer (status, headers, body) for a request,
// and the access log line it writes to its stdout (nginx's `main` format, httpd's common format).
import { HTTPD_404, HTTPD_INDEX, NGINX_INDEX, nginxError } from './pages.js';

export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  userAgent: string;
  clientIP: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export interface WebServer {
  app: 'nginx' | 'httpd';
  version: string;
}

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 405: 'Not Allowed' };
/** When the image's default page was built (Last-Modified, ETag). */
const PAGE_MTIME = Date.UTC(2025, 3, 16, 12, 1, 11);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** [23/Nov/2026:02:40:00 +0000] */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const httpDate = (ms: number) => new Date(ms).toUTCString();
const isIndex = (path: string) => ['/', '/index.html'].includes(path.split('?')[0] ?? '/');

export function serve(s: WebServer, req: HttpRequest, now: number): { response: HttpResponse; log: string } {
  const response = s.app === 'nginx' ? nginx(s.version, req, now) : httpd(s.version, req, now);
  const sent = req.method === 'HEAD' ? 0 : Buffer.byteLength(response.body);
  const line = `${req.clientIP} - - [${logTime(now)}] "${req.method} ${req.path} HTTP/1.1" ${response.status} ${sent}`;
  const log = s.app === 'nginx' ? `${line} "-" "${req.userAgent}" "-"\n` : `${line}\n`;
  return { response: req.method === 'HEAD' ? { ...response, body: '' } : response, log };
}

function nginx(version: string, req: HttpRequest, now: number): HttpResponse {
  const found = isIndex(req.path);
  const status = found ? 200 : 404;
  const body = found ? NGINX_INDEX : nginxError(`404 ${REASONS[404]}`, version);
  const size = Buffer.byteLength(body);
  const headers: [string, string][] = [['Server', `nginx/${version}`], ['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(size)]];
  if (found) headers.push(['Last-Modified', httpDate(PAGE_MTIME)]);
  headers.push(['Connection', 'close']);
  if (found) headers.push(['ETag', `"${(PAGE_MTIME / 1000).toString(16)}-${size.toString(16)}"`], ['Accept-Ranges', 'bytes']);
  return { status, reason: REASONS[status]!, headers, body };
}

function httpd(version: string, req: HttpRequest, now: number): HttpResponse {
  const found = isIndex(req.path);
  const status = found ? 200 : 404;
  const body = found ? HTTPD_INDEX : HTTPD_404;
  const size = Buffer.byteLength(body);
  const headers: [string, string][] = [['Date', httpDate(now)], ['Server', `Apache/${version} (Unix)`]];
  if (found) headers.push(['Last-Modified', httpDate(PAGE_MTIME)], ['ETag', `"${size.toString(16)}-${(PAGE_MTIME * 1000).toString(16)}"`], ['Accept-Ranges', 'bytes']);
  headers.push(['Content-Length', String(size)], ['Connection', 'close'], ['Content-Type', found ? 'text/html' : 'text/html; charset=iso-8859-1']);
  return { status, reason: REASONS[status]!, headers, body };
}

/** The server's version from the image's environment (NGINX_VERSION=1.14.2-1~stretch → 1.14.2). */
export function serverVersion(env: string[] | undefined, app: WebServer['app']): string {
  const key = app === 'nginx' ? 'NGINX_VERSION=' : 'HTTPD_VERSION=';
  const v = env?.find((e) => e.startsWith(key))?.slice(key.length) ?? '';
  return v.split('-')[0] || (app === 'nginx' ? '1.27.3' : '2.4.62');
}
