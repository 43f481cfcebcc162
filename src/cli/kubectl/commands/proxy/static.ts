// --www: Go's http.FileServer under the static prefix — a file with its content type (by extension,
// else sniffed text or octet-stream), a directory's index.html or its listing, the redirects that
// keep directory paths ending in a slash, `404 page not found` for the rest.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, posix } from 'node:path';
import type { ServerResponse } from 'node:http';
import { httpError } from './forward.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'text/xml; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.pdf': 'application/pdf', '.wasm': 'application/wasm',
};

function contentType(name: string, data: Buffer): string {
  const t = TYPES[extname(name).toLowerCase()];
  if (t) return t;
  const head = data.subarray(0, 512);
  if (head.toString('latin1').trimStart().toLowerCase().startsWith('<!doctype html') || /^\s*<html/i.test(head.toString('latin1'))) return 'text/html; charset=utf-8';
  return head.includes(0) ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}

export function redirect(res: ServerResponse, method: string, location: string): void {
  const get = method === 'GET' || method === 'HEAD';
  const body = get ? `<a href="${location}">Moved Permanently</a>.\n\n` : '';
  res.sendDate = false;
  res.writeHead(301, { ...(get ? { 'Content-Type': 'text/html; charset=utf-8' } : {}), Location: location, Date: new Date().toUTCString(), 'Content-Length': Buffer.byteLength(body) });
  res.end(method === 'HEAD' ? undefined : body);
}

/** The file server's own redirect (localRedirect): Location only, no body. */
function localRedirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: location, 'Content-Length': 0 });
  res.end();
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

async function listing(res: ServerResponse, dir: string, mtime: Date): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = entries.map((e) => {
    const name = e.isDirectory() ? `${e.name}/` : e.name;
    return `<a href="${encodeURI(name).replace(/\?/g, '%3F')}">${escapeHtml(name)}</a>\n`;
  });
  const body = `<!doctype html>\n<meta name="viewport" content="width=device-width">\n<pre>\n${lines.join('')}</pre>\n`;
  res.writeHead(200, { 'Content-Length': Buffer.byteLength(body), 'Content-Type': 'text/html; charset=utf-8', 'Last-Modified': mtime.toUTCString() });
  res.end(body);
}

/** Serves rel (the path after the prefix, with its leading slash) from base. */
export async function serveStatic(res: ServerResponse, method: string, base: string, rel: string, urlPath: string): Promise<void> {
  const clean = posix.normalize(`/${rel}`);
  const file = join(base, clean);
  const st = await stat(file).catch(() => undefined);
  if (!st) return httpError(res, 404, '404 page not found');
  if (clean.endsWith('/index.html')) return localRedirect(res, './');
  if (st.isDirectory()) {
    if (!urlPath.endsWith('/')) return localRedirect(res, `${posix.basename(urlPath)}/`);
    const index = await readFile(join(file, 'index.html')).catch(() => undefined);
    if (!index) return listing(res, file, st.mtime);
    const ist = await stat(join(file, 'index.html'));
    res.writeHead(200, { 'Accept-Ranges': 'bytes', 'Content-Length': index.length, 'Content-Type': 'text/html; charset=utf-8', 'Last-Modified': ist.mtime.toUTCString() });
    return void res.end(method === 'HEAD' ? undefined : index);
  }
  if (urlPath.endsWith('/')) return localRedirect(res, `../${posix.basename(clean)}`);
  const data = await readFile(file);
  res.writeHead(200, { 'Accept-Ranges': 'bytes', 'Content-Length': data.length, 'Content-Type': contentType(file, data), 'Last-Modified': st.mtime.toUTCString() });
  res.end(method === 'HEAD' ? undefined : data);
}
