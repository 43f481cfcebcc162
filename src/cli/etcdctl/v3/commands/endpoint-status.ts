// etcdctl endpoint status / hashkv: Maintenance.Status / HashKV of each endpoint, dialled directly.
import { dial } from '../client/dial.js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ExitError } from '../../../shared/exit.js';
import { RpcError } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { HashKVResponse, StatusResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { endpointsFromCluster } from './endpoints.js';

let protoDef: PackageDefinition | undefined;

async function perEndpoint<T>(ctx: CommandContext, ep: string, method: string, request: object): Promise<T> {
  const c = await dial(ctx, { endpoints: [ep], passthrough: true });
  protoDef = c.proto.def;
  try {
    return await c.unary<T>('Maintenance', method, request);
  } finally {
    c.close();
  }
}

/** Each endpoint's answer; the last error, if any endpoint failed. */
async function collect<T>(ctx: CommandContext, method: string, request: object, what: string): Promise<[Array<{ ep: string; resp: T }>, string | undefined]> {
  const eps = await withClient(ctx, (c) => endpointsFromCluster(ctx, c));
  const list: Array<{ ep: string; resp: T }> = [];
  let failed: string | undefined;
  for (const ep of eps) {
    try {
      list.push({ ep, resp: await perEndpoint<T>(ctx, ep, method, request) });
    } catch (err) {
      if (!(err instanceof RpcError)) throw err;
      failed = err.message;
      ctx.err(`Failed to get the ${what} of endpoint ${ep} (${err.message})\n`);
    }
  }
  return [list, failed];
}

export async function status(ctx: CommandContext): Promise<number> {
  const [list, failed] = await collect<StatusResponse>(ctx, 'Status', {}, 'status');
  display(ctx, { kind: 'endpointStatus', list }, protoDef);
  if (failed !== undefined) throw new ExitError(EXIT.error, '', true);
  return EXIT.success;
}

export async function hashkv(ctx: CommandContext): Promise<number> {
  const [list, failed] = await collect<HashKVResponse>(ctx, 'HashKV', { revision: ctx.num('rev') }, 'hash');
  display(ctx, { kind: 'endpointHashKV', list }, protoDef);
  // unlike status, hashkv ends with ExitWithError: the last failure is printed again
  if (failed !== undefined) throw new ExitError(EXIT.error, failed);
  return EXIT.success;
}
