// A CRI client in crictl's terms: dial an endpoint (`unix:///run/containerd/containerd.sock`),
// call RuntimeService/ImageService rpcs with a per-call deadline, and fail with Go's gRPC error
// texts (CriError). Nothing is contacted until the first call, as with Go's lazy gRPC dial.
import type * as GrpcJs from '@grpc/grpc-js';
import { CriError, dialError, probeSocket, toCriError } from './errors.js';
import { loadCriProto } from './proto.js';
import { IMAGE_RPCS, RUNTIME_RPCS, type CriClient } from './rpcs.js';
import type { ContainerEventResponse } from './types.js';

export { CriError } from './errors.js';
export { CRI_PROTO_PATH, CRI_LOADER_OPTIONS, loadCriProto } from './proto.js';
export type { CriClient, CriRpcName } from './rpcs.js';

export interface DialOptions {
  /** The host file actually dialled; error texts still show the endpoint's path. */
  socketPath?: string;
}

/** The socket path of a crictl endpoint: `unix:///p` or a bare `/p`; other schemes are refused. */
export function endpointPath(endpoint: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/.exec(endpoint);
  if (!m) return endpoint;
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'unix') return m[2]!;
  if (scheme === 'tcp') throw new Error('only support unix socket endpoint');
  throw new Error(`protocol "${scheme}" not supported`);
}

type Unary = (req: object, meta: GrpcJs.Metadata, opts: GrpcJs.CallOptions, cb: (err: unknown, res: unknown) => void) => void;

/** Dials a CRI endpoint. Resolves once the schema is loaded; failures surface on each call. */
export async function dialCri(endpoint: string, timeoutMs: number, opts: DialOptions = {}): Promise<CriClient> {
  const shown = endpointPath(endpoint);
  const actual = opts.socketPath ?? shown;
  const proto = await loadCriProto();
  const creds = proto.grpc.credentials.createInsecure();
  const target = `unix://${actual}`;
  const channelOpts = { 'grpc.max_receive_message_length': 16 * 1024 * 1024 };
  const runtime = new proto.runtimeService(target, creds, channelOpts);
  const image = new proto.imageService(target, creds, channelOpts);
  const probe = async (): Promise<CriError | undefined> => {
    const errno = await probeSocket(actual, timeoutMs > 0 ? timeoutMs : 2000);
    return errno ? dialError(shown, errno) : undefined;
  };
  const callOpts = (): GrpcJs.CallOptions => (timeoutMs > 0 ? { deadline: new Date(Date.now() + timeoutMs) } : {});
  const unary = (svc: GrpcJs.Client, rpc: string) => (req: object) =>
    new Promise<unknown>((resolve, reject) => {
      const fn = (svc as unknown as Record<string, Unary>)[rpc]!.bind(svc);
      fn(req ?? {}, new proto.grpc.Metadata(), callOpts(), (err, res) => {
        if (err) toCriError(err, probe).then(reject, reject);
        else resolve(res);
      });
    });
  const client: Record<string, unknown> = {};
  for (const [name, rpc] of Object.entries(RUNTIME_RPCS)) client[name] = unary(runtime, rpc);
  for (const [name, rpc] of Object.entries(IMAGE_RPCS)) client[name] = unary(image, rpc);
  client.getContainerEvents = (req: object) => eventStream(runtime, req, probe);
  client.close = () => {
    runtime.close();
    image.close();
  };
  return client as unknown as CriClient;
}

/** The GetContainerEvents server stream as an async iterable of events; the call opens at once. */
function eventStream(
  svc: GrpcJs.Client,
  req: object,
  probe: () => Promise<CriError | undefined>,
): AsyncIterable<ContainerEventResponse> {
  const open = (svc as unknown as Record<string, (r: object) => GrpcJs.ClientReadableStream<ContainerEventResponse>>)
    .GetContainerEvents!.bind(svc);
  const call = open(req ?? {});
  call.on('error', () => {});
  async function* events(): AsyncGenerator<ContainerEventResponse> {
    try {
      for await (const ev of call) yield ev as ContainerEventResponse;
    } catch (err) {
      if ((err as { code?: number }).code === 1) return;
      throw await toCriError(err, probe);
    } finally {
      call.cancel();
    }
  }
  return events();
}

/** True if `err` is a CriError with gRPC code `code`. */
export function isCriError(err: unknown, code?: string): err is CriError {
  return err instanceof CriError && (code === undefined || err.code === code);
}
