// backup --data-dir D --backup-dir B: an offline copy of the data directory (etcd 3.4 also
// rewrites the member's WAL metadata; kubedojo copies the files as they are).
import { cpSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import { capnslog } from '../../../shared/capnslog.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';

export async function backup(ctx: V2Context): Promise<number> {
  const dir = ctx.str('data-dir');
  const from = resolve(ctx.io.cwd, dir);
  const missing = dir === '' ? 'member/wal' : `${dir}/member/snap`;
  if (!existsSync(resolve(ctx.io.cwd, missing))) {
    ctx.err(capnslog('I', '', `open ${missing}: no such file or directory`));
    throw new ExitError(V2_EXIT.badArgs, '', true);
  }
  cpSync(from, resolve(ctx.io.cwd, ctx.str('backup-dir')), { recursive: true });
  return V2_EXIT.success;
}
