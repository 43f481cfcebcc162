// Waiting for a freshly started daemon: poll the apiserver's /readyz with the cluster's admin
// credentials (admin.conf) until it answers 200, as `kubeadm init` waits for its control plane.
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { dirname, resolve } from 'node:path';
import { entryFromKubeconfig, parseKubeconfig, type ClusterInfo, type UserInfo } from '../client/kubeconfig.js';
import { isDaemonAlive, runningDaemonPid } from './lock.js';
import type { ClusterPaths } from './paths.js';

export interface AdminCredentials {
  server: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

function material(entry: ClusterInfo | UserInfo, field: string, base: string): Buffer {
  const data = entry[`${field}-data`];
  if (typeof data === 'string') return Buffer.from(data, 'base64');
  const file = entry[field];
  if (typeof file === 'string') return readFileSync(resolve(base, file));
  throw new Error(`no ${field} in the kubeconfig`);
}

/** The server and x509 material of a kubeconfig's current context (admin.conf). */
export function readAdminCredentials(file: string): AdminCredentials {
  const { cluster, user } = entryFromKubeconfig(parseKubeconfig(readFileSync(file, 'utf8'), file), 'admin');
  const base = dirname(file);
  return {
    server: cluster.server,
    ca: material(cluster, 'certificate-authority', base),
    cert: material(user, 'client-certificate', base),
    key: material(user, 'client-key', base),
  };
}

/** GET <server>/readyz; the HTTP status, or the connection error's message. */
export function probeReadyz(creds: AdminCredentials, timeoutMs = 2_000): Promise<number | string> {
  return new Promise((done) => {
    const req = https.get(`${creds.server}/readyz`, { ca: creds.ca, cert: creds.cert, key: creds.key, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => done(err.message));
  });
}

export class NotReadyError extends Error {
  constructor(message: string, readonly logTail: string[]) {
    super(message);
  }
}

/** The last `count` lines the log got after `offset` (what this daemon wrote). */
export function logTail(file: string, offset = 0, count = 20): string[] {
  let text: string;
  try {
    text = readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-count);
}

export interface WaitOptions {
  /** The daemon that was spawned: if it exits (and no other daemon serves), waiting stops. */
  pid: number;
  logOffset?: number;
  timeoutMs?: number;
  intervalMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function daemonGone(paths: ClusterPaths, pid: number): boolean {
  return !isDaemonAlive(pid) && runningDaemonPid(paths.pidFile) === undefined;
}

/** Resolves once /readyz answers 200; throws NotReadyError (with the log's tail) otherwise. */
export async function waitReady(paths: ClusterPaths, opts: WaitOptions): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  const fail = (why: string): never => {
    throw new NotReadyError(`the cluster "${paths.name}" ${why}; the last lines of its log (${paths.log}):`, logTail(paths.log, opts.logOffset));
  };
  let last: number | string = 'not asked yet';
  for (;;) {
    if (daemonGone(paths, opts.pid)) fail(`stopped while starting (daemon pid ${opts.pid})`);
    let creds: AdminCredentials | undefined;
    try { creds = readAdminCredentials(paths.adminConf); } catch (err) { last = (err as Error).message; }
    if (creds !== undefined) last = await probeReadyz(creds);
    if (last === 200) return;
    if (Date.now() >= deadline) fail(`was not ready within ${Math.round(timeoutMs / 1000)} s (last answer of ${creds?.server ?? 'the apiserver'}/readyz: ${last})`);
    await sleep(opts.intervalMs ?? 100);
  }
}
