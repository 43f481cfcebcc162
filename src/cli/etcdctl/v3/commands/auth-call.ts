// Auth RPCs whose result is a one-line message (or the response under -w json/fields/protobuf).
import { failWith, type EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import { withClient } from './dial.js';

export async function authMessage(ctx: CommandContext, method: string, request: object, text: string): Promise<number> {
  return withClient(ctx, async (c) => {
    await call(ctx, c, method, request, text);
    return EXIT.success;
  });
}

export async function call(ctx: CommandContext, c: EtcdClient, method: string, request: object, text: string): Promise<void> {
  const resp = await c.unary<{ header?: object }>('Auth', method, request).catch(failWith);
  display(ctx, { kind: 'message', text, resp, rpc: ['Auth', method] }, c.proto.def);
}
