// Dialing: TLS material checked first, then the client, then --user authentication.
import type { CommandContext } from '../context.js';
import { authenticate } from './auth.js';
import { EtcdClient, parseEndpoint, type DialOptions } from './client.js';
import { loadProto } from './proto.js';
import { loadTls, wantsTls } from './tls.js';

export async function dial(ctx: CommandContext, o: DialOptions = {}): Promise<EtcdClient> {
  const g = o.globals ?? ctx.globals();
  const tls = wantsTls(g);
  const material = tls ? loadTls(g, ctx.io.cwd) : undefined;
  const endpoints = (o.endpoints ?? g.endpoints).map((e) => parseEndpoint(e, tls));
  const proto = await loadProto();
  const secure = endpoints[0]?.secure === true;
  // grpc-js names an IP target as the TLS server name; Node warns (DEP0123) where Go is silent.
  if (secure) process.noDeprecation = true;
  const creds = secure
    ? proto.grpc.credentials.createSsl(material?.ca ?? null, material?.key ?? null, material?.cert ?? null,
      material?.skipVerify === true ? { rejectUnauthorized: false } : {})
    : proto.grpc.credentials.createInsecure();
  const client = new EtcdClient(proto, ctx, endpoints, creds, o.passthrough === true);
  if (g.user !== '') await authenticate(client, g, ctx);
  return client;
}
