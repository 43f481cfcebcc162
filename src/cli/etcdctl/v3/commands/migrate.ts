// etcdctl migrate [--data-dir DIR] [--wal-dir DIR] [--no-ttl] [--transformer PROG]: the v2 → v3
// data-dir migration. It reads the v2 store from the member's snap files and WAL, as etcd 3.4
// does; kubedojo's data dirs (member/snap/db as SQLite, no WAL) fail where the real one fails on
// them: the snap dir is listed (non-snap files warned about), then opening the WAL dir fails.
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { goErrnoText } from '../../../../client/go-errno.js';

/** Files the snap dir may hold besides `*.snap` (etcd's snap.validFiles). */
const VALID_SNAP_FILES = new Set(['db']);

function listDir(ctx: CommandContext, dir: string): string[] {
  try {
    return readdirSync(resolve(ctx.io.cwd, dir));
  } catch {
    throw new ExitError(EXIT.error, `open ${dir}: no such file or directory`);
  }
}

/** zap.NewExample logs to stdout. */
function warn(ctx: CommandContext, fields: Record<string, string>): void {
  ctx.out(`${JSON.stringify({ level: 'warn', ...fields })}\n`);
}

/** snap.Load's listing (directory order): unexpected files are warned about. */
function loadSnapshot(ctx: CommandContext, snapDir: string): void {
  const names = listDir(ctx, snapDir);
  const snaps = names.filter((n) => n.endsWith('.snap'));
  for (const n of names) {
    if (!n.endsWith('.snap') && !VALID_SNAP_FILES.has(n)) warn(ctx, { msg: 'found unexpected non-snap file; skipping', path: n });
  }
  if (snaps.length > 0) throw new ExitError(EXIT.error, `kubedojo's etcdctl cannot read etcd snap files (${join(snapDir, snaps[0]!)})`);
}

/** wal.OpenForRead: the directory must exist and hold `*.wal` files. */
function openWal(ctx: CommandContext, walDir: string): void {
  const wals = listDir(ctx, walDir).filter((n) => n.endsWith('.wal'));
  if (wals.length === 0) throw new ExitError(EXIT.error, 'wal: file not found');
  throw new ExitError(EXIT.error, `kubedojo's etcdctl cannot read etcd WAL files (${join(walDir, wals[0]!)})`);
}

function startTransformer(ctx: CommandContext, prog: string): void {
  try {
    accessSync(resolve(ctx.io.cwd, prog), constants.X_OK);
  } catch (err) {
    throw new ExitError(EXIT.error, `fork/exec ${prog}: ${goErrnoText(err)}`);
  }
  const child = spawn(resolve(ctx.io.cwd, prog), [], { stdio: ['pipe', 'ignore', 'inherit'] });
  child.on('error', () => undefined);
  child.stdin?.end();
}

export async function run(ctx: CommandContext): Promise<number> {
  const dataDir = ctx.str('data-dir');
  const transformer = ctx.str('transformer');
  if (transformer !== '') startTransformer(ctx, transformer);
  else ctx.out('using default transformer\n');
  loadSnapshot(ctx, join(dataDir, 'member', 'snap'));
  openWal(ctx, ctx.str('wal-dir') !== '' ? ctx.str('wal-dir') : join(dataDir, 'member', 'wal'));
  return EXIT.success;
}
