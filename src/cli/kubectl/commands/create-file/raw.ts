// rawhttp: --raw URI sends the one -f file (or stdin) as the request body and copies the
// server's answer to stdout; used by create (POST) and replace (PUT).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { statusOf } from '../../../../client/rest.js';
import { ApiError } from '../../../../client/types.js';
import { readAll } from '../../../shared/io.js';
import type { Ctx } from '../../context.js';

export async function rawRequest(ctx: Ctx, method: 'POST' | 'PUT', uri: string, filename: string): Promise<number> {
  let body: string;
  if (filename === '-') body = (await readAll(ctx.io.stdin)).toString('utf8');
  else {
    try {
      body = readFileSync(resolve(ctx.io.cwd, filename), 'utf8');
    } catch {
      throw new Error(`open ${filename}: no such file or directory`);
    }
  }
  const client = await ctx.factory.client();
  const r = await client.raw(method, uri, body, 'application/json');
  if (r.status < 200 || r.status > 299) throw new ApiError(statusOf(r));
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
