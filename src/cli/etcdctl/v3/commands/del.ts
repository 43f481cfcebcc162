// etcdctl del [options] <key> [range_end]
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { DeleteResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { keyRange } from './kv-range.js';

export function delRequest(ctx: CommandContext): object {
  const args = ctx.args;
  if (args.length === 0 || args.length > 2) throw new ExitError(EXIT.badArgs, 'del command needs one argument as key and an optional argument as range_end');
  const prefix = ctx.bool('prefix');
  const fromKey = ctx.bool('from-key');
  if (prefix && fromKey) throw new ExitError(EXIT.badArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  if (args.length > 1 && (prefix || fromKey)) {
    throw new ExitError(EXIT.badArgs, 'too many arguments, only accept one argument when `--prefix` or `--from-key` is set');
  }
  return { ...keyRange(args[0]!, args[1], prefix, fromKey), prev_kv: ctx.bool('prev-kv') };
}

export async function run(ctx: CommandContext): Promise<number> {
  const request = delRequest(ctx);
  return withClient(ctx, async (c) => {
    const resp = await c.unary<DeleteResponse>('KV', 'DeleteRange', request).catch(failWith);
    display(ctx, { kind: 'del', resp, rpc: ['KV', 'DeleteRange'] }, c.proto.def);
    return EXIT.success;
  });
}
