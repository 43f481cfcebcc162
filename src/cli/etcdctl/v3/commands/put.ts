// etcdctl put [options] <key> <value> (value from stdin when absent).
import { ExitError } from '../../../shared/exit.js';
import { readAll } from '../../../shared/io.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { parseInt64, ParseError } from '../goparse.js';
import { display } from '../printers/printer.js';
import type { PutResponse } from '../printers/types.js';
import { withClient } from './dial.js';

const NEEDS_ARGS = 'put command needs 1 argument and input from stdin or 2 arguments';

async function value(ctx: CommandContext): Promise<Buffer> {
  if (ctx.args.length > 1) return Buffer.from(ctx.args[1]!);
  const data = await readAll(ctx.io.stdin);
  if (data.length === 0) throw new ExitError(EXIT.badArgs, NEEDS_ARGS);
  return data;
}

function leaseId(ctx: CommandContext): string {
  try {
    return parseInt64(ctx.str('lease'), 16);
  } catch (err) {
    if (err instanceof ParseError) throw new ExitError(EXIT.badArgs, `bad lease ID (${err.message}), expecting ID in Hex`);
    throw err;
  }
}

export function putRequest(ctx: CommandContext, value: Buffer): object {
  if (ctx.args.length === 0) throw new ExitError(EXIT.badArgs, NEEDS_ARGS);
  return {
    key: Buffer.from(ctx.args[0]!), value, lease: leaseId(ctx),
    prev_kv: ctx.bool('prev-kv'), ignore_value: ctx.bool('ignore-value'), ignore_lease: ctx.bool('ignore-lease'),
  };
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length === 0) throw new ExitError(EXIT.badArgs, NEEDS_ARGS);
  const ignore_value = ctx.bool('ignore-value');
  if (ignore_value && ctx.args.length > 1) throw new ExitError(EXIT.badArgs, "put command needs only 1 argument when 'ignore-value' is set");
  const val = ignore_value ? Buffer.alloc(0) : await value(ctx);
  const request = putRequest(ctx, val);
  return withClient(ctx, async (c) => {
    const resp = await c.unary<PutResponse>('KV', 'Put', request).catch(failWith);
    display(ctx, { kind: 'put', resp, rpc: ['KV', 'Put'] }, c.proto.def);
    return EXIT.success;
  });
}
