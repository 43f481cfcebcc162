// Commands that talk to etcd: validate -w, dial, run, close.
import type { DialOptions, EtcdClient } from '../client/client.js';
import { dial } from '../client/dial.js';
import type { CommandContext } from '../context.js';
import { checkFormat } from '../printers/printer.js';

export async function withClient<T>(ctx: CommandContext, fn: (c: EtcdClient) => Promise<T>, o: DialOptions = {}): Promise<T> {
  // clientConfigFromCmd dumps the flags (--debug) before it checks -w
  if (o.globals === undefined) ctx.clientConfig();
  checkFormat(ctx);
  const client = await dial(ctx, o);
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}
