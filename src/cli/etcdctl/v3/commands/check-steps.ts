// The steps both checks share around their load: the prefix must be empty first; afterwards it
// is deleted, then --auto-compact compacts at the delete's revision and --auto-defrag defragments
// every endpoint, each with the lines etcdctl prints (ctlv3/command/util.go compact, defrag).
import { ExitError } from '../../../shared/exit.js';
import { failWith, type EtcdClient } from '../client/client.js';
import { dial } from '../client/dial.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { goQuote } from '../printers/format.js';
import { keyRange } from './kv-range.js';

/** The timeout of the compaction and of each defragmentation. */
const MAINTENANCE_TIMEOUT_MS = 30_000;

export async function ensureEmpty(c: EtcdClient, prefix: string, timeoutMs: number): Promise<void> {
  const req = { ...keyRange(prefix, undefined, true, false), limit: 1 };
  const resp = await c.unary<{ kvs?: unknown[] }>('KV', 'Range', req, timeoutMs).catch(failWith);
  if ((resp.kvs ?? []).length > 0) {
    throw new ExitError(EXIT.invalidInput, `prefix ${goQuote(prefix)} has keys. Delete with etcdctl del --prefix ${prefix} first`);
  }
}

/** Deletes the check's keys; the revision of the delete. */
export async function deletePrefix(c: EtcdClient, prefix: string, timeoutMs: number): Promise<string> {
  const resp = await c.unary<{ header?: { revision?: string } }>('KV', 'DeleteRange', keyRange(prefix, undefined, true, false), timeoutMs).catch(failWith);
  return resp.header?.revision ?? '0';
}

async function compact(ctx: CommandContext, c: EtcdClient, rev: string): Promise<void> {
  ctx.out(`Compacting with revision ${rev}\n`);
  await c.unary('KV', 'Compact', { revision: rev, physical: true }, MAINTENANCE_TIMEOUT_MS).catch(failWith);
  ctx.out(`Compacted with revision ${rev}\n`);
}

/** clientv3's Defragment(ctx, ep) dials the endpoint directly (a passthrough target). */
async function defrag(ctx: CommandContext, g: GlobalOptions, ep: string): Promise<void> {
  ctx.out(`Defragmenting ${goQuote(ep)}\n`);
  const c = await dial(ctx, { endpoints: [ep], passthrough: true, globals: g });
  try {
    await c.unary('Maintenance', 'Defragment', {}, MAINTENANCE_TIMEOUT_MS).catch(failWith);
  } finally {
    c.close();
  }
  ctx.out(`Defragmented ${goQuote(ep)}\n`);
}

/** --auto-compact, then --auto-defrag over the endpoints as given. */
export async function maintain(ctx: CommandContext, c: EtcdClient, g: GlobalOptions, rev: string): Promise<void> {
  if (ctx.bool('auto-compact')) await compact(ctx, c, rev);
  if (ctx.bool('auto-defrag')) for (const ep of g.endpoints) await defrag(ctx, g, ep);
}

/** The error distribution's lines; false when there were errors. */
export function reportErrors(ctx: CommandContext, dist: Map<string, number>): boolean {
  if (dist.size === 0) return true;
  ctx.out('FAIL: too many errors\n');
  for (const [text, n] of dist) ctx.out(`FAIL: ERROR(${text}) -> ${n}\n`);
  return false;
}
