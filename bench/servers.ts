// Starting etcd servers for the benchmarks: ours (bin/etcd) and the real etcd 3.4, each on
// run-time loopback ports and a fresh data dir; and a plain gRPC client for both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { freePort } from '../test/support/ports.js';
import { loadEtcdProto } from '../src/etcd/grpc/load.js';

export const REAL_ETCD = '/usr/bin/etcd';
export const haveRealEtcd = (): boolean => existsSync(REAL_ETCD);

export interface Started {
  endpoint: string;
  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SEC = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** utime + stime of a process from /proc (fields 14 and 15, after the parenthesised name). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SEC;
}

function started(child: ChildProcess, endpoint: string, cleanup: () => void): Started {
  return {
    endpoint,
    cpuMs: () => processCpuMs(child.pid!),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      cleanup();
    },
  };
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startEtcd(kind: 'ours' | 'real'): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), `kubedojo-bench-${kind}-`));
  const [client, peer] = [await freePort(), await freePort()];
  const flags = ['--data-dir', join(dir, 'data'), '--listen-client-urls', `http://127.0.0.1:${client}`, '--advertise-client-urls', `http://127.0.0.1:${client}`, '--listen-peer-urls', `http://127.0.0.1:${peer}`];
  const child: ChildProcess = kind === 'real' ? spawn(REAL_ETCD, flags, { stdio: 'ignore' }) : spawn(process.execPath, ['bin/etcd', ...flags], { stdio: 'ignore' });
  await waitForPort(client);
  return started(child, `127.0.0.1:${client}`, () => rmSync(dir, { recursive: true, force: true }));
}

/** bench/null-grpc.mjs: a node:http2 server that answers every call at once, with nothing. */
export async function startNullGrpc(): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bench/null-grpc.mjs', String(port)], { stdio: 'ignore' });
  await waitForPort(port);
  return started(child, `127.0.0.1:${port}`, () => undefined);
}

export interface KvClient {
  put(key: string, value: string): Promise<void>;
  get(key: string): Promise<void>;
  close(): void;
}

export async function kvClient(endpoint: string): Promise<KvClient> {
  const { grpc, services } = await loadEtcdProto();
  const Client = grpc.makeGenericClientConstructor(services.KV!, 'KV');
  const c = new Client(endpoint, grpc.credentials.createInsecure()) as unknown as Record<string, (req: object, cb: (err: Error | null) => void) => void>;
  const call = (method: string, req: object) => new Promise<void>((resolve, reject) => c[method]!.call(c, req, (err) => (err ? reject(err) : resolve())));
  return {
    put: (key, value) => call('Put', { key: Buffer.from(key), value: Buffer.from(value) }),
    get: (key) => call('Range', { key: Buffer.from(key) }),
    close: () => (c as unknown as { close(): void }).close(),
  };
}
