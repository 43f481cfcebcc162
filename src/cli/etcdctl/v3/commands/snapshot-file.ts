// etcdctl snapshot status <filename> / snapshot restore <filename> (offline, see snapshot/backend.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import { restoreSnapshot, snapshotStatus } from '../snapshot/backend.js';
import { verifyBootstrap } from '../snapshot/bootstrap.js';

export async function status(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'snapshot status requires exactly one argument');
  const st = await snapshotStatus(ctx.args[0]!, ctx.io.cwd);
  display(ctx, { kind: 'dbStatus', status: st });
  return EXIT.success;
}

export async function restore(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'snapshot restore requires exactly one argument');
  const name = ctx.str('name');
  const { cluster, peerUrls } = verifyBootstrap(name, ctx.str('initial-advertise-peer-urls'), ctx.str('initial-cluster'));
  const dataDir = ctx.str('data-dir') !== '' ? ctx.str('data-dir') : `${name}.etcd`;
  if (existsSync(resolve(ctx.io.cwd, dataDir))) throw new ExitError(EXIT.error, `data-dir ${JSON.stringify(dataDir)} exists`);
  const walDir = ctx.str('wal-dir');
  if (walDir !== '' && existsSync(resolve(ctx.io.cwd, walDir))) throw new ExitError(EXIT.error, `wal-dir ${JSON.stringify(walDir)} exists`);
  await restoreSnapshot({
    file: ctx.args[0]!, name, dataDir, cluster, token: ctx.str('initial-cluster-token'),
    walDir: walDir !== '' ? walDir : `${dataDir}/member/wal`,
    peerUrls, skipHashCheck: ctx.bool('skip-hash-check'),
  }, ctx.io.cwd, (line) => ctx.err(line));
  return EXIT.success;
}
