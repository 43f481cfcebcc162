// etcdctl auth enable / disable
import { ExitError } from '../../../shared/exit.js';
import { RpcError, failWith, type EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { withClient } from './dial.js';

async function enableLoop(c: EtcdClient): Promise<void> {
  for (;;) {
    try {
      await c.unary('Auth', 'AuthEnable', {});
      return;
    } catch (err) {
      if (!(err instanceof RpcError) || err.message !== 'etcdserver: root user does not have root role') throw err;
      await c.unary('Auth', 'RoleAdd', { name: 'root' });
      await c.unary('Auth', 'UserGrantRole', { user: 'root', role: 'root' });
    }
  }
}

export async function enable(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 0) throw new ExitError(EXIT.badArgs, 'auth enable command does not accept any arguments');
  return withClient(ctx, async (c) => {
    await enableLoop(c).catch(failWith);
    ctx.out('Authentication Enabled\n');
    return EXIT.success;
  });
}

export async function disable(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 0) throw new ExitError(EXIT.badArgs, 'auth disable command does not accept any arguments');
  return withClient(ctx, async (c) => {
    await c.unary('Auth', 'AuthDisable', {}).catch(failWith);
    ctx.out('Authentication Disabled\n');
    return EXIT.success;
  });
}
