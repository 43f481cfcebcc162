// A node's CRI endpoint: a gRPC server on unix://<socketPath> serving RuntimeService and
// ImageService from a CriBackend. Rpcs the backend lacks answer Unimplemented; CriErrors keep
// their code and description (what crictl prints after `rpc error: code = … desc = `).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as GrpcJs from '@grpc/grpc-js';
import { CriError, grpcCodeNumber } from '../../client/cri/errors.js';
import { loadCriProto } from '../../client/cri/proto.js';
import { IMAGE_RPCS, RUNTIME_RPCS } from '../../client/cri/rpcs.js';
import type * as T from '../../client/cri/types.js';
import type { CriBackend } from './backend.js';

export interface CriServer {
  close(): Promise<void>;
}

type Handler = (call: GrpcJs.ServerUnaryCall<object, object>, cb: GrpcJs.sendUnaryData<object>) => void;

function statusOf(err: unknown): Partial<GrpcJs.StatusObject> {
  if (err instanceof CriError) return { code: grpcCodeNumber(err.code), details: err.desc };
  return { code: 2, details: err instanceof Error ? err.message : String(err) };
}

function unary(backend: CriBackend, method: string, rpc: string): Handler {
  const fn = (backend as unknown as Record<string, ((req: object) => Promise<object>) | undefined>)[method];
  return (call, cb) => {
    if (!fn) return cb({ code: 12, details: `method ${rpc} not implemented` });
    fn.call(backend, call.request).then((res) => cb(null, res), (err: unknown) => cb(statusOf(err)));
  };
}

function handlers(backend: CriBackend, rpcs: Record<string, string>): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const [method, rpc] of Object.entries(rpcs)) out[rpc] = unary(backend, method, rpc);
  return out;
}

function eventsHandler(backend: CriBackend) {
  return (call: GrpcJs.ServerWritableStream<object, T.ContainerEventResponse>) => {
    if (!backend.containerEvents) return call.destroy(Object.assign(new Error('x'), { code: 12, details: 'method GetContainerEvents not implemented' }));
    const stop = backend.containerEvents((ev) => call.write(ev));
    call.on('cancelled', stop);
    call.on('close', stop);
  };
}

/** Serves backend on unix://socketPath (parent made 0700, a stale socket removed first). */
export async function startCriServer(socketPath: string, backend: CriBackend): Promise<CriServer> {
  const proto = await loadCriProto();
  mkdirSync(dirname(socketPath), { recursive: true, mode: 0o700 });
  if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  const server = new proto.grpc.Server();
  server.addService(proto.runtimeService.service, { ...handlers(backend, RUNTIME_RPCS), GetContainerEvents: eventsHandler(backend) });
  server.addService(proto.imageService.service, handlers(backend, IMAGE_RPCS));
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${socketPath}`, proto.grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
  return {
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.forceShutdown(), 1000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}
