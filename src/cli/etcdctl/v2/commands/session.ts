// mustNewClient: a client, synced unless --no-sync, with --username credentials.
import { ExitError } from '../../../shared/exit.js';
import { askPassword } from '../../../shared/prompt.js';
import { ClusterError, V2Client } from '../client.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';
import { V2ServerError } from '../keys.js';

async function credentials(ctx: V2Context, c: V2Client): Promise<void> {
  const user = ctx.globalOrEnv('username', 'ETCDCTL_USERNAME');
  if (user === '') return;
  const colon = user.indexOf(':');
  if (colon >= 0) { c.auth = user; return; }
  const pw = await askPassword({ stdin: ctx.io.stdin, out: (t) => ctx.out(t), err: (t) => ctx.err(t) }, 'Password: ');
  c.auth = `${user}:${pw}`;
}

/** mustNewClient; without `sync` (cluster-health's own client) no --total-timeout either. */
export async function connect(ctx: V2Context, sync = true): Promise<V2Client> {
  const c = V2Client.create(ctx, sync);
  await credentials(ctx, c);
  if (sync && !ctx.globalBool('no-sync')) await c.sync();
  c.debug(`Cluster-Endpoints: ${c.endpoints.join(', ')}`);
  return c;
}

/** handleError(c, ExitServerError, err) for failed key operations. */
export function serverError(ctx: V2Context, err: unknown): never {
  if (err instanceof ExitError) throw err;
  if (err instanceof ClusterError) return ctx.fail(V2_EXIT.serverError, `${err.message}\n${err.detail()}`);
  if (err instanceof V2ServerError || err instanceof Error) return ctx.fail(V2_EXIT.serverError, err.message);
  throw err;
}
