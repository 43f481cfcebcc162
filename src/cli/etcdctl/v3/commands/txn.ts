// etcdctl txn [options]: compares, success requests, failure requests from stdin.
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { TxnResponse } from '../printers/types.js';
import { readLineOrEnd } from '../../../shared/prompt.js';
import { withClient } from './dial.js';
import { parseCompare, parseRequest } from './txn-parse.js';

async function section<T>(ctx: CommandContext, parse: (line: string) => T): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const line = await readLineOrEnd(ctx.io.stdin, true);
    if (line === null) throw new ExitError(EXIT.invalidInput, 'EOF');
    const trimmed = line.trim();
    if (trimmed === '') return out;
    out.push(parse(trimmed));
  }
}

async function readTxn(ctx: CommandContext): Promise<object> {
  const prompt = (text: string) => { if (ctx.bool('interactive')) ctx.out(`${text}\n`); };
  prompt('compares:');
  const compare = await section(ctx, parseCompare);
  prompt('success requests (get, put, del):');
  const success = await section(ctx, (l) => parseRequest(l, ctx));
  prompt('failure requests (get, put, del):');
  const failure = await section(ctx, (l) => parseRequest(l, ctx));
  return { compare, success, failure };
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 0) throw new ExitError(EXIT.badArgs, 'txn command does not accept argument');
  return withClient(ctx, async (c) => {
    const request = await readTxn(ctx);
    const resp = await c.unary<TxnResponse>('KV', 'Txn', request).catch(failWith);
    display(ctx, { kind: 'txn', resp, rpc: ['KV', 'Txn'] }, c.proto.def);
    return EXIT.success;
  });
}
