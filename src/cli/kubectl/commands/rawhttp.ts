// rawhttp: --raw URI. get, create (POST), replace (PUT) and delete send one request to the URI's
// path and query on the kubeconfig's server (a host in the URI is ignored, as Request.RequestURI
// does), with the one -f file (or stdin) as the body where given, and copy the server's answer
// to stdout as it streams in; an error status becomes the API error.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { statusOf } from '../../../client/rest.js';
import { readAll } from '../../shared/io.js';
import type { Ctx } from '../context.js';
import { TYPED_ACCEPT, typedError } from '../resource/request.js';

/** url.QueryEscape: everything but letters, digits and -_.~ escaped, spaces as `+`. */
const queryEscape = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');

/** Request.RequestURI: the URI's path as written, its query re-encoded as url.Values (keys sorted). */
export function requestUri(uri: string): string {
  const abs = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri);
  const rest = abs ? uri.replace(/^[^:]+:(\/\/[^/?#]*)?/, '') : uri;
  const q = rest.indexOf('?');
  const path = (q < 0 ? rest : rest.slice(0, q)).replace(/#.*$/, '');
  const values = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(q < 0 ? '' : rest.slice(q + 1).replace(/#.*$/, ''))) values.set(k, [...(values.get(k) ?? []), v]);
  const keys = [...values.keys()].sort();
  const query = keys.flatMap((k) => values.get(k)!.map((v) => `${queryEscape(k)}=${queryEscape(v)}`)).join('&');
  return query ? `${path}?${query}` : path;
}

async function bodyOf(ctx: Ctx, filename: string | undefined): Promise<string | undefined> {
  if (filename === undefined) return undefined;
  if (filename === '-') return (await readAll(ctx.io.stdin)).toString('utf8');
  try {
    return readFileSync(resolve(ctx.io.cwd, filename), 'utf8');
  } catch {
    throw new Error(`open ${filename}: no such file or directory`);
  }
}

export async function rawRequest(ctx: Ctx, method: 'GET' | 'POST' | 'PUT' | 'DELETE', uri: string, filename?: string): Promise<number> {
  const body = await bodyOf(ctx, filename);
  const client = await ctx.factory.client();
  const path = requestUri(uri);
  if (method === 'GET') {
    const res = await client.stream(path, TYPED_ACCEPT);
    const status = res.statusCode ?? 0;
    if (status < 200 || status > 299) throw typedError(statusOf({ status, body: (await readAll(res)).toString('utf8') }));
    for await (const chunk of res) ctx.io.stdout.write(chunk as Buffer);
    return 0;
  }
  const r = await client.raw(method, path, body, body === undefined ? undefined : 'application/json', TYPED_ACCEPT);
  if (r.status < 200 || r.status > 299) throw typedError(statusOf(r));
  ctx.io.stdout.write(r.body);
  return 0;
}

/** url.ParseRequestURI's verdict on --raw (an absolute path or an absolute URL). */
export function rawUriError(raw: string): string | undefined {
  if (raw.startsWith('/') || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw)) return undefined;
  return `--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`;
}

/** The --raw checks create and replace share (after their own). */
export function validateRaw(files: string[], recursive: boolean, output: string): void {
  if (files.length !== 1) throw new Error('--raw can only use a single local file or stdin');
  const f = files[0]!;
  if (f.startsWith('http://') || f.startsWith('https://')) throw new Error('--raw cannot read from a url');
  if (recursive) throw new Error('--raw and --recursive are mutually exclusive');
  void output;
}
