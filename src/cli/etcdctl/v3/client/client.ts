// One etcd v3 client per command: dials the endpoints (waiting for a connection like clientv3,
// so a dead server becomes a deadline), authenticates, and runs unary calls with the command
// timeout. A failed unary call logs clientv3's retry-interceptor warning first, as etcdctl does.
import type * as GrpcJs from '@grpc/grpc-js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { clientId, retryWarning } from '../logs.js';
import type { EtcdProto } from './proto.js';
import { parseGoUrl } from '../../../../client/go-url.js';
import { splitsHostPort } from '../../../../client/etcd-urls.js';

export const GO_CODES = [
  'OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists',
  'PermissionDenied', 'ResourceExhausted', 'FailedPrecondition', 'Aborted', 'OutOfRange',
  'Unimplemented', 'Internal', 'Unavailable', 'DataLoss', 'Unauthenticated',
];

export interface Endpoint {
  /** the endpoint as given (a passthrough target names it so) */
  raw: string;
  /** what gRPC dials: host:port, a socket path, or '' for a scheme clientv3 does not know */
  host: string;
  proto: 'tcp' | 'unix' | '';
  secure: boolean;
}

/** clientv3's endpoint.ParseEndpoint: the scheme picks the protocol; a path is dropped for http(s). */
export function parseEndpoint(raw: string, tls: boolean): Endpoint {
  let u;
  try {
    u = parseGoUrl(raw);
  } catch {
    u = undefined;
  }
  if (u === undefined || !raw.includes('://')) return { raw, host: raw, proto: 'tcp', secure: tls };
  const secure = u.scheme === 'https' || u.scheme === 'unixs';
  if (u.scheme === 'http' || u.scheme === 'https') return { raw, host: u.host, proto: 'tcp', secure };
  if (u.scheme === 'unix' || u.scheme === 'unixs') return { raw, host: u.host + u.path, proto: 'unix', secure };
  return { raw, host: '', proto: '', secure };
}

/** net.Dial's error for an endpoint nothing answers on. */
function dialError(ep: Endpoint | undefined, cwd: string): string {
  if (ep?.proto === 'unix') return `dial unix ${ep.host}: connect: ${existsSync(resolve(cwd, ep.host)) ? 'connection refused' : 'no such file or directory'}`;
  if (ep?.proto === '') return 'dial: unknown network ';
  const host = ep?.host ?? '';
  if (!host.includes(':')) return `dial tcp: address ${host}: missing port in address`;
  if (!splitsHostPort(host)) return `dial tcp: address ${host}: too many colons in address`;
  // net.Dial names the address it resolved: localhost is 127.0.0.1 first (/etc/hosts)
  return `dial tcp ${host.replace(/^localhost:/, '127.0.0.1:')}: connect: connection refused`;
}

/** A failed call: `message` is what etcdctl prints after `Error: `. */
export class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly desc: string) {
    super(message);
  }
}

export interface DialOptions {
  /** dial these instead of --endpoints (endpoint commands, --cluster) */
  endpoints?: string[];
  /** the per-endpoint clients of defrag/endpoint status log a passthrough target */
  passthrough?: boolean;
  /** dial with these options instead of the command's (make-mirror's destination) */
  globals?: GlobalOptions;
  /** the command's options without clientConfigFromCmd (endpoint health builds its configs itself: no --debug dump) */
  bare?: boolean;
}

export class EtcdClient {
  private readonly clients = new Map<string, GrpcJs.Client>();
  private ready = false;
  private readonly id = clientId();
  token: string | undefined;

  constructor(
    readonly proto: EtcdProto,
    readonly ctx: CommandContext,
    readonly endpoints: Endpoint[],
    private readonly creds: GrpcJs.ChannelCredentials,
    private readonly passthrough: boolean,
  ) {}


  get target(): string {
    const ep = this.endpoints[0];
    return this.passthrough ? `passthrough:///${ep?.raw ?? ''}` : `endpoint://${this.id}/${ep?.host ?? ''}`;
  }

  private channelTarget(): string {
    // an endpoint of a scheme clientv3 does not know is dialled on network "" and never connects
    const usable = this.endpoints.filter((e) => e.proto !== '');
    if (usable.length === 0) return 'unix:/dev/null/unknown-network';
    const hosts = usable.map((e) => (e.proto === 'unix' ? `unix:${e.host}` : e.host));
    if (hosts.length > 1 && hosts.every((h) => /^\d+\.\d+\.\d+\.\d+:\d+$/.test(h))) return `ipv4:${hosts.join(',')}`;
    return hosts[0] ?? '127.0.0.1:2379';
  }

  service(name: string): GrpcJs.Client {
    let c = this.clients.get(name);
    if (c === undefined) {
      const Ctor = this.proto.service(name);
      const first = this.clients.values().next().value;
      const config = { loadBalancingConfig: [{ round_robin: {} }] };
      c = new Ctor(this.channelTarget(), this.creds, {
        'grpc.service_config': JSON.stringify(config),
        ...(first ? { channelOverride: first.getChannel() } : {}),
      });
      this.clients.set(name, c);
    }
    return c;
  }

  metadata(): GrpcJs.Metadata {
    const md = new this.proto.grpc.Metadata({ waitForReady: true });
    if (this.token !== undefined) md.set('token', this.token);
    return md;
  }

  deadline(timeoutMs?: number): Date {
    return new Date(Date.now() + (timeoutMs ?? this.ctx.globals().commandTimeoutMs));
  }

  /** The Go-style description of a failed call. */
  describe(err: GrpcJs.ServiceError): { desc: string; message: string } {
    if (err.code === this.proto.grpc.status.DEADLINE_EXCEEDED) {
      // grpc-go names the balancer's error only once a connection attempt has failed
      if (this.isReady() || !this.connectFailed()) return { desc: 'context deadline exceeded', message: 'context deadline exceeded' };
      const desc = this.passthrough
        ? `latest balancer error: connection error: desc = "transport: Error while dialing ${dialError(this.endpoints[0], this.ctx.io.cwd)}"`
        : 'latest balancer error: all SubConns are in TransientFailure';
      return { desc, message: 'context deadline exceeded' };
    }
    return { desc: err.details, message: err.details };
  }

  private connectFailed(): boolean {
    const first = this.clients.values().next().value;
    return first === undefined || first.getChannel().getConnectivityState(false) === this.proto.grpc.connectivityState.TRANSIENT_FAILURE;
  }

  isReady(): boolean {
    if (this.ready) return true;
    const first = this.clients.values().next().value;
    this.ready = first !== undefined && first.getChannel().getConnectivityState(false) === this.proto.grpc.connectivityState.READY;
    return this.ready;
  }

  /** A unary call; failures are logged (warn line) and rejected with an RpcError. */
  unary<T>(service: string, method: string, request: object, timeoutMs?: number): Promise<T> {
    const client = this.service(service) as unknown as Record<string, Function>;
    return new Promise<T>((resolveCall, reject) => {
      const fn = client[method]!;
      fn.call(client, request, this.metadata(), { deadline: this.deadline(timeoutMs) }, (err: GrpcJs.ServiceError | null, res: T) => {
        if (err === null) { this.ready = true; resolveCall(res); return; }
        const { desc, message } = this.describe(err);
        const code = GO_CODES[err.code] ?? 'Unknown';
        this.ctx.err(retryWarning(this.target, `rpc error: code = ${code} desc = ${desc}`));
        reject(new RpcError(err.code, message, desc));
      });
    });
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
  }
}

/** etcdctl's default handling of a failed call: `Error: <message>`, exit 1. */
export function failWith(err: unknown, code: number = EXIT.error): never {
  if (err instanceof RpcError) throw new ExitError(code, err.message);
  throw err;
}
