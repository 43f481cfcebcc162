// The checks' clients: etcdctl calls mustClient once per load client, so each is its own
// clientv3.Client — its own gRPC connection (grpc-js would otherwise share one TCP connection
// between channels to the same target), its own client id in log lines, and its own
// authentication with --user. The password is asked once, before -w is checked and TLS files are
// read, as clientConfigFromCmd does; a TLS file or authentication failure ends the command with
// the same error and exit code as any other command's dial.
import type * as GrpcJs from '@grpc/grpc-js';
import { askPassword } from '../../../shared/prompt.js';
import { authenticate } from '../client/auth.js';
import { EtcdClient } from '../client/client.js';
import { transportFor } from '../client/dial.js';
import { loadProto, type EtcdProto } from '../client/proto.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { checkFormat } from '../printers/printer.js';

/** The service constructors with a subchannel pool of their own: one connection per client. */
function ownConnections(proto: EtcdProto): EtcdProto {
  const service = (name: string): GrpcJs.ServiceClientConstructor => class extends proto.service(name) {
    constructor(address: string, creds: GrpcJs.ChannelCredentials, options?: Partial<GrpcJs.ClientOptions>) {
      super(address, creds, { ...options, 'grpc.use_local_subchannel_pool': 1 });
    }
  } as GrpcJs.ServiceClientConstructor;
  return { ...proto, service };
}

/** authCfgFromCmd: `--user name` without a password asks for it, once. */
export async function withPassword(ctx: CommandContext, g: GlobalOptions): Promise<GlobalOptions> {
  if (g.user === '' || g.password !== '' || g.user.includes(':')) return g;
  const password = await askPassword({ stdin: ctx.io.stdin, out: (t) => ctx.out(t), err: (t) => ctx.err(t) }, 'Password: ');
  return { ...g, password };
}

export function closeAll(clients: EtcdClient[]): void {
  for (const c of clients) c.close();
}

/** `n` clients, dialed one after the other; the globals with the password asked for. */
export async function dialClients(ctx: CommandContext, n: number): Promise<{ clients: EtcdClient[]; globals: GlobalOptions }> {
  const g = await withPassword(ctx, ctx.clientConfig());
  checkFormat(ctx);
  const t = await transportFor(ctx, g, async () => ownConnections(await loadProto()));
  const clients: EtcdClient[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const c = new EtcdClient(t.proto, ctx, t.endpoints, t.creds, false);
      clients.push(c);
      if (g.user !== '') await authenticate(c, g, ctx);
    }
  } catch (err) {
    closeAll(clients);
    throw err;
  }
  return { clients, globals: g };
}
