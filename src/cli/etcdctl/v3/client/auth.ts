// --user / --password: a token from Auth.Authenticate, sent as `token` metadata. A failure
// exits 2 (clientv3.New fails, etcdctl reports ExitBadConnection).
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { askPassword } from '../../../shared/prompt.js';
import { RpcError, type EtcdClient } from './client.js';

async function credentials(g: GlobalOptions, ctx: CommandContext): Promise<[string, string]> {
  if (g.password !== '') return [g.user, g.password];
  const colon = g.user.indexOf(':');
  if (colon >= 0) return [g.user.slice(0, colon), g.user.slice(colon + 1)];
  return [g.user, await askPassword({ stdin: ctx.io.stdin, out: (t) => ctx.out(t), err: (t) => ctx.err(t) }, 'Password: ')];
}

export async function authenticate(client: EtcdClient, g: GlobalOptions, ctx: CommandContext): Promise<void> {
  const [name, password] = await credentials(g, ctx);
  // clientv3 logs in only with both a name and a password; otherwise requests go without a token
  // (and a server with auth on refuses them: 'etcdserver: user name is empty')
  if (name === '' || password === '') return;
  try {
    const res = await client.unary<{ token: string }>('Auth', 'Authenticate', { name, password });
    client.token = res.token;
  } catch (err) {
    // clientv3 goes on without a token when the server has auth off (after the warn line).
    if (err instanceof RpcError && err.message === 'etcdserver: authentication is not enabled') return;
    if (err instanceof RpcError) throw new ExitError(EXIT.badConnection, err.message);
    throw err;
  }
}
