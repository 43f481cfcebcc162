// etcdctl snapshot status <filename> / snapshot restore <filename> (offline, see snapshot/backend.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import { restoreSnapshot, snapshotStatus } from '../snapshot/backend.js';

export async function status(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'snapshot status requires exactly one argument');
  const st = await snapshotStatus(ctx.args[0]!, ctx.io.cwd);
  display(ctx, { kind: 'dbStatus', status: st });
  return EXIT.success;
}

function urlsMap(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    map.set(name, [...(map.get(name) ?? []), pair.slice(eq + 1)]);
  }
  return map;
}

export async function restore(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'snapshot restore requires exactly one argument');
  const name = ctx.str('name');
  const cluster = urlsMap(ctx.str('initial-cluster'));
  const dataDir = ctx.str('data-dir') !== '' ? ctx.str('data-dir') : `${name}.etcd`;
  if (!cluster.has(name)) throw new ExitError(EXIT.error, `couldn't find local name ${JSON.stringify(name)} in the initial cluster configuration`);
  if (existsSync(resolve(ctx.io.cwd, dataDir))) throw new ExitError(EXIT.error, `data-dir ${JSON.stringify(dataDir)} exists`);
  await restoreSnapshot({
    file: ctx.args[0]!, name, dataDir, cluster, token: ctx.str('initial-cluster-token'),
    walDir: ctx.str('wal-dir') !== '' ? ctx.str('wal-dir') : `${dataDir}/member/wal`,
    peerUrls: ctx.str('initial-advertise-peer-urls').split(','), skipHashCheck: ctx.bool('skip-hash-check'),
  }, ctx.io.cwd, (line) => ctx.err(line));
  return EXIT.success;
}
