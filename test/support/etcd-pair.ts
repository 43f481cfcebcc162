// A real etcd 3.4 (/usr/bin/etcd, a child process) and ours (in this process), both fresh, with
// --enable-v2 on run-time loopback ports and the same advertised peer URL (so the same member and
// cluster IDs), for differential tests of the HTTP API. Nothing here may block the event loop:
// our server runs in this process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Running } from '../../src/etcd/serve.js';
import { buildConfig } from '../../src/etcd/config.js';
import { parseFlags } from '../../src/etcd/flags.js';
import { createLogger } from '../../src/etcd/log.js';
import { freePorts } from './ports.js';

export const REAL_ETCD = '/usr/bin/etcd';
export const REAL_ETCDCTL = '/usr/bin/etcdctl';
export const haveRealEtcd = existsSync(REAL_ETCD) && existsSync(REAL_ETCDCTL);

export interface Endpoint {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function flagsFor(dir: string, v2: boolean): Promise<{ args: string[]; port: number }> {
  const [client, peer] = await freePorts(2);
  const url = `http://127.0.0.1:${client}`;
  const args = ['--data-dir', join(dir, 'data'), '--listen-client-urls', url, '--advertise-client-urls', url, '--listen-peer-urls', `http://127.0.0.1:${peer}`];
  return { args: v2 ? [...args, '--enable-v2'] : args, port: client! };
}

/** Polls until the member answers reads of the v2 keyspace (or /version without v2). */
async function waitReady(url: string, v2: boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${url}${v2 ? '/v2/keys/' : '/version'}`);
      await r.text();
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`${url} not ready`);
}

export async function startOurs(opts: { v2?: boolean; dataDir?: string } = {}): Promise<Endpoint & { running: Running; dir: string }> {
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kubedojo-v2-'));
  const { args, port } = await flagsFor(dir, opts.v2 ?? true);
  const parsed = parseFlags(args, {});
  if (parsed.kind !== 'run') throw new Error(parsed.kind);
  const running = await serve(buildConfig(parsed.values), createLogger(() => undefined));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, opts.v2 ?? true);
  return {
    url,
    port,
    running,
    dir,
    stop: async () => {
      await running.stop();
      if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startReal(opts: { v2?: boolean; dataDir?: string } = {}): Promise<Endpoint & { dir: string }> {
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kubedojo-real-etcd-'));
  const { args, port } = await flagsFor(dir, opts.v2 ?? true);
  const child: ChildProcess = spawn(REAL_ETCD, args, { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, opts.v2 ?? true);
  return {
    url,
    port,
    dir,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Starts a command without blocking this process (our server must keep answering). */
export function start(cmd: string, args: string[], env: Record<string, string> = {}, input = ''): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', ...env } });
  const done = new Promise<Run>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
  // a command that ends without reading its stdin closes the pipe under this write (EPIPE)
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(input);
  return { child, done };
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}, input = ''): Promise<Run> {
  return start(cmd, args, env, input).done;
}

/** The real etcdctl in v2 mode against one endpoint. */
export function etcdctl2(ep: Endpoint, args: string[], input = ''): Promise<Run> {
  return run(REAL_ETCDCTL, ['--endpoints', ep.url, ...args], { ETCDCTL_API: '2' }, input);
}

/**
 * A streaming etcdctl (watch, exec-watch): started, given `settleMs`, then the `during` commands
 * run in order, then after `settleMs` more it gets SIGINT unless it already ended.
 */
export async function etcdctl2During(ep: Endpoint, args: string[], during: string[][], settleMs = 500): Promise<Run> {
  const { child, done } = start(REAL_ETCDCTL, ['--endpoints', ep.url, ...args], { ETCDCTL_API: '2' });
  let ended = false;
  void done.then(() => (ended = true));
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, settleMs));
  await pause();
  for (const c of during) await etcdctl2(ep, c);
  await pause();
  if (!ended) child.kill('SIGINT');
  return done;
}
