// delete --raw URI: a DELETE to that path (with the body of the one -f file, if any); the
// server's answer is copied to stdout as it is.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { statusOf } from '../../../../client/rest.js';
import { ApiError } from '../../../../client/types.js';
import { readAll } from '../../../shared/io.js';
import type { Ctx } from '../../context.js';
import type { DeleteOptions } from './options.js';

async function bodyOf(ctx: Ctx, o: DeleteOptions): Promise<string | undefined> {
  const f = o.files.filenames[0];
  if (f === undefined) return undefined;
  if (f === '-') return (await readAll(ctx.io.stdin)).toString('utf8');
  return readFileSync(resolve(ctx.io.cwd, f), 'utf8');
}

export async function rawDelete(ctx: Ctx, o: DeleteOptions): Promise<number> {
  const client = await ctx.factory.client();
  const body = await bodyOf(ctx, o);
  const r = await client.raw('DELETE', o.raw, body, body === undefined ? undefined : 'application/json');
  if (r.status < 200 || r.status > 299) throw new ApiError(statusOf(r));
  ctx.io.stdout.write(r.body);
  return 0;
}
