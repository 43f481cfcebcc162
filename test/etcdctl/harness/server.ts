// The server a case runs against: real etcd 3.4.23, or (hook) ours. Started fresh per case on
// 127.0.0.1:2379/2380 with the flags of the reference README section 1.1; ready when it answers
// HTTP, then probed with exactly one GET /health (the capture did the same: that v2 QGET is raft
// entry 5, so `endpoint status` shows the recorded raft index).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join, resolve } from 'node:path';
import type { ServerKind } from './cases.js';
import { waitPortsFree } from './port-lock.js';

export interface ServerImpl {
  name: string;
  /** null when usable, else why not (the test reports itself skipped). */
  unavailable(): string | null;
  command(): string[];
}

export const REAL_ETCD: ServerImpl = {
  name: 'real etcd',
  unavailable: () => (existsSync('/usr/bin/etcd') ? null : '/usr/bin/etcd is not installed'),
  command: () => ['/usr/bin/etcd'],
};

const REPO = resolve(import.meta.dirname, '../../..');

/** Our etcd server (bin/etcd), started with the same flags as the real one (see etcdArgs). */
export const OUR_ETCD: ServerImpl = {
  name: 'our etcd',
  unavailable: () => (existsSync(join(REPO, 'dist/etcd.cjs')) ? null : 'dist/etcd.cjs is not built (npm run build)'),
  command: () => [process.execPath, join(REPO, 'bin/etcd')],
};

export interface StartOptions {
  kind: Exclude<ServerKind, 'none'>;
  /** absolute data directory */
  dataDir: string;
  /** directory holding the TLS certificate set (tls only) */
  certDir: string;
  logFile: string;
}

export function etcdArgs(o: StartOptions): string[] {
  const tls = o.kind === 'tls';
  const scheme = tls ? 'https' : 'http';
  const args = [
    '--name', 'default', '--data-dir', o.dataDir,
    '--listen-client-urls', `${scheme}://127.0.0.1:2379`,
    '--advertise-client-urls', `${scheme}://localhost:2379`,
    '--listen-peer-urls', 'http://127.0.0.1:2380',
    '--initial-advertise-peer-urls', 'http://localhost:2380',
    '--initial-cluster', 'default=http://localhost:2380',
    // Faster first election (the ~0.5 s average wait per case dominated a run). 14 ticks keep the
    // minimum lease TTL at etcd's default of 2 s: ceil(3*14/2 * 50ms) = 2 s.
    '--heartbeat-interval', '50', '--election-timeout', '700',
  ];
  if (o.kind !== 'no-v2') args.push('--enable-v2=true');
  if (tls) {
    args.push('--cert-file', join(o.certDir, 'server.crt'), '--key-file', join(o.certDir, 'server.key'),
      '--trusted-ca-file', join(o.certDir, 'ca.crt'), '--client-cert-auth');
  }
  return args;
}

interface Probe { status: number; body: string }

function get(o: StartOptions, path: string, timeoutMs: number): Promise<Probe> {
  const tls = o.kind === 'tls';
  const options = {
    host: '127.0.0.1', port: 2379, path, timeout: timeoutMs,
    ...(tls ? {
      ca: readFileSync(join(o.certDir, 'ca.crt')),
      cert: readFileSync(join(o.certDir, 'client.crt')),
      key: readFileSync(join(o.certDir, 'client.key')),
    } : {}),
  };
  return new Promise((done, fail) => {
    const req = (tls ? https : http).get(options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Servers still running; killed if the test process exits mid-case (no stray etcd on :2379). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class RunningServer {
  private exited = false;
  private constructor(private readonly child: ChildProcess, readonly options: StartOptions) {
    running.add(child);
    child.once('exit', () => {
      this.exited = true;
      running.delete(child);
    });
  }

  static async start(impl: ServerImpl, o: StartOptions): Promise<RunningServer> {
    await waitPortsFree();
    const [cmd, ...pre] = impl.command();
    const log = openSync(o.logFile, 'a');
    const child = spawn(cmd!, [...pre, ...etcdArgs(o)], {
      stdio: ['ignore', log, log], env: { PATH: process.env.PATH ?? '', HOME: o.dataDir },
    });
    const server = new RunningServer(child, o);
    await server.waitReady();
    return server;
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`etcd exited early:\n${this.logTail()}`);
      try {
        await get(this.options, '/version', 10_000);
        const health = await get(this.options, '/health', 10_000);
        if (health.status === 200) return;
        throw new Error(`etcd /health: ${health.status} ${health.body}`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ECONNREFUSED') throw err;
        await sleep(15);
      }
    }
    throw new Error(`etcd not ready after 15s:\n${this.logTail()}`);
  }

  logTail(): string {
    return readFileSync(this.options.logFile, 'utf8').split('\n').slice(-15).join('\n');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await gone;
  }
}
