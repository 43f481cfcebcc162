import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as GrpcJs from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CriError, dialCri, endpointPath } from './client.js';
import { loadCriProto } from './proto.js';

let dir: string;
let server: GrpcJs.Server;
let sock: string;

function notFound(id: string): GrpcJs.ServiceError {
  const err = new Error('x') as GrpcJs.ServiceError;
  Object.assign(err, { code: 5, details: `an error occurred when try to find container "${id}": not found` });
  return err;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cri-client-'));
  sock = join(dir, 'containerd.sock');
  const proto = await loadCriProto();
  server = new proto.grpc.Server();
  server.addService(proto.runtimeService.service, {
    Version: (_c: unknown, cb: GrpcJs.sendUnaryData<object>) =>
      cb(null, { version: '0.1.0', runtimeName: 'containerd', runtimeVersion: 'v2.0.0', runtimeApiVersion: 'v1' }),
    ListContainers: (call: GrpcJs.ServerUnaryCall<{ filter: { labelSelector: Record<string, string> } | null }, object>, cb: GrpcJs.sendUnaryData<object>) =>
      cb(null, {
        containers: [{ id: 'abc', createdAt: '1733480463123456789', state: 'CONTAINER_RUNNING', labels: call.request.filter?.labelSelector ?? {} }],
      }),
    ContainerStatus: (call: GrpcJs.ServerUnaryCall<{ containerId: string }, object>, cb: GrpcJs.sendUnaryData<object>) =>
      cb(notFound(call.request.containerId)),
  });
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${sock}`, proto.grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('dialCri', () => {
  it('round-trips messages as proto-loader decodes them', async () => {
    const c = await dialCri(`unix://${sock}`, 2000);
    try {
      expect(await c.version({})).toEqual({ version: '0.1.0', runtimeName: 'containerd', runtimeVersion: 'v2.0.0', runtimeApiVersion: 'v1' });
      const res = await c.listContainers({ filter: { labelSelector: { a: 'b' } } });
      const ctr = res.containers[0]!;
      expect(ctr.createdAt).toBe('1733480463123456789');
      expect(ctr.state).toBe('CONTAINER_RUNNING');
      expect(ctr.labels).toEqual({ a: 'b' });
      expect(ctr.metadata).toBeNull();
      expect(ctr.annotations).toEqual({});
    } finally {
      c.close();
    }
  });

  it('rejects with Go-worded CriErrors', async () => {
    const c = await dialCri(`unix://${sock}`, 2000);
    const err = await c.containerStatus({ containerId: 'deadbeef' }).catch((e: unknown) => e);
    c.close();
    expect(err).toBeInstanceOf(CriError);
    expect((err as CriError).code).toBe('NotFound');
    expect((err as CriError).message).toBe(
      'rpc error: code = NotFound desc = an error occurred when try to find container "deadbeef": not found',
    );
  });

  it('answers Unimplemented for rpcs the server lacks', async () => {
    const c = await dialCri(`unix://${sock}`, 2000);
    const err = (await c.status({}).catch((e: unknown) => e)) as CriError;
    c.close();
    expect(err.code).toBe('Unimplemented');
  });

  it('dials socketPath but shows the endpoint path', async () => {
    const c = await dialCri('unix:///run/containerd/containerd.sock', 2000, { socketPath: sock });
    expect((await c.version({})).runtimeName).toBe('containerd');
    c.close();
    const missing = await dialCri('unix:///run/containerd/containerd.sock', 2000, { socketPath: join(dir, 'nope.sock') });
    const err = (await missing.version({}).catch((e: unknown) => e)) as CriError;
    missing.close();
    expect(err.message).toBe(
      'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"',
    );
  });

  it('reports a refused connection', async () => {
    const file = join(dir, 'plain.sock');
    await writeFile(file, '');
    const c = await dialCri(file, 2000);
    const err = (await c.version({}).catch((e: unknown) => e)) as CriError;
    c.close();
    expect(err.code).toBe('Unavailable');
    expect(err.desc).toBe(`connection error: desc = "transport: Error while dialing: dial unix ${file}: connect: connection refused"`);
  });
});

describe('endpointPath', () => {
  it.each([
    ['unix:///run/containerd/containerd.sock', '/run/containerd/containerd.sock'],
    ['/run/crio/crio.sock', '/run/crio/crio.sock'],
  ])('%s → %s', (endpoint, path) => expect(endpointPath(endpoint)).toBe(path));

  it.each([
    ['tcp://localhost:1234', 'only support unix socket endpoint'],
    ['http://x', 'protocol "http" not supported'],
  ])('refuses %s', (endpoint, msg) => expect(() => endpointPath(endpoint)).toThrow(msg));
});
