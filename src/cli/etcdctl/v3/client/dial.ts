// Dialing: TLS material checked first, then the client, then --user authentication.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { authenticate } from './auth.js';
import { EtcdClient, parseEndpoint, type DialOptions, type Endpoint } from './client.js';
import { loadProto, type EtcdProto } from './proto.js';
import { loadTls, wantsTls } from './tls.js';
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import { systemRoots } from '../../../../client/roots.js';
import { cheapDefaultStore } from '../../../../client/startup-env.js';

export interface Transport {
  proto: EtcdProto;
  endpoints: Endpoint[];
  creds: ChannelCredentials;
}

/** TLS material checked first, then the endpoints and the channel credentials for them. */
export async function transportFor(ctx: CommandContext, g: GlobalOptions, proto: () => Promise<EtcdProto>, endpointList = g.endpoints): Promise<Transport> {
  // clientv3.New with no endpoints at all (--endpoints=)
  if (endpointList.length === 0 || (endpointList.length === 1 && endpointList[0] === '')) throw new ExitError(EXIT.badConnection, 'etcdclient: no available endpoints');
  const tls = wantsTls(g);
  const material = tls ? loadTls(g, ctx.io.cwd) : undefined;
  const endpoints = endpointList.map((e) => parseEndpoint(e, tls));
  const p = await proto();
  const secure = endpoints[0]?.secure === true;
  // grpc-js names an IP target as the TLS server name; Node warns (DEP0123) where Go is silent.
  if (secure) process.noDeprecation = true;
  if (secure) cheapDefaultStore();
  const roots = (): Buffer | null => (material?.skipVerify === true ? null : Buffer.from(systemRoots().join('\n')));
  // Without --cacert, Go's client trusts the system's roots (grpc-js: its own, or GRPC_DEFAULT_SSL_ROOTS_FILE_PATH).
  const creds = secure
    ? p.grpc.credentials.createSsl(material?.ca ?? roots(), material?.key ?? null, material?.cert ?? null,
      material?.skipVerify === true ? { rejectUnauthorized: false } : {})
    : p.grpc.credentials.createInsecure();
  return { proto: p, endpoints, creds };
}

export async function dial(ctx: CommandContext, o: DialOptions = {}): Promise<EtcdClient> {
  const g = o.globals ?? (o.bare === true ? ctx.globals() : ctx.clientConfig());
  const t = await transportFor(ctx, g, loadProto, o.endpoints ?? g.endpoints);
  const client = new EtcdClient(t.proto, ctx, t.endpoints, t.creds, o.passthrough === true);
  if (g.user !== '') await authenticate(client, g, ctx);
  return client;
}
