// etcdctl get [options] <key> [range_end]
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { RangeResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { keyRange } from './kv-range.js';

const ORDERS: Record<string, number> = { '': 0, ASCEND: 1, DESCEND: 2 };
const TARGETS: Record<string, number> = { '': 0, KEY: 0, VERSION: 1, CREATE: 2, MODIFY: 3, VALUE: 4 };

function sorting(ctx: CommandContext): { sort_order: number; sort_target: number } {
  const order = ORDERS[ctx.str('order').toUpperCase()];
  if (order === undefined) throw new ExitError(EXIT.badFeature, `bad sort order ${ctx.str('order')}`);
  const target = TARGETS[ctx.str('sort-by').toUpperCase()];
  if (target === undefined) throw new ExitError(EXIT.badFeature, `bad sort target ${ctx.str('sort-by')}`);
  return { sort_order: target === 0 && order === 1 ? 0 : order, sort_target: target };
}

export function rangeRequest(ctx: CommandContext): object {
  const args = ctx.args;
  if (args.length === 0) throw new ExitError(EXIT.badArgs, 'get command needs one argument as key and an optional argument as range_end');
  const prefix = ctx.bool('prefix');
  const fromKey = ctx.bool('from-key');
  if (prefix && fromKey) throw new ExitError(EXIT.badArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  const consistency = ctx.str('consistency');
  if (consistency !== 's' && consistency !== 'l') throw new ExitError(EXIT.badFeature, `unknown consistency flag ${JSON.stringify(consistency)}`);
  if (args.length > 1 && (prefix || fromKey)) {
    throw new ExitError(EXIT.badArgs, 'too many arguments, only accept one argument when `--prefix` or `--from-key` is set');
  }
  return {
    ...keyRange(args[0]!, args[1], prefix, fromKey),
    limit: ctx.num('limit'), revision: ctx.num('rev') > 0 ? ctx.num('rev') : 0,
    ...sorting(ctx), serializable: consistency === 's', keys_only: ctx.bool('keys-only'),
  };
}

export async function run(ctx: CommandContext): Promise<number> {
  const request = rangeRequest(ctx);
  return withClient(ctx, async (c) => {
    const resp = await c.unary<RangeResponse>('KV', 'Range', request).catch(failWith);
    const valueOnly = ctx.bool('print-value-only');
    if (valueOnly && ctx.globals().writeOut !== 'simple') {
      throw new ExitError(EXIT.badArgs, 'print-value-only is only for `--write-out=simple`');
    }
    display(ctx, { kind: 'get', resp, rpc: ['KV', 'Range'] }, c.proto.def, valueOnly);
    return EXIT.success;
  });
}
