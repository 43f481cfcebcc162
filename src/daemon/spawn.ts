// Starting and stopping a cluster's daemon from another process: `kubedojo up` and our CLIs spawn
// it detached (its stdout and stderr appended to <cluster>/daemon.log), `kubedojo down` sends it
// SIGTERM and waits for it to exit.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAEMON_MARKER, isDaemonAlive, readPid, releasePidLock } from './lock.js';
import type { ClusterPaths } from './paths.js';
import { STARTUP_NODE_FLAGS, startupEnv } from '../client/startup-env.js';

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** The script the daemon runs (default: bin/kubedojo, see daemonEntry). */
  entry?: string;
  execPath?: string;
}

export interface SpawnedDaemon {
  pid: number;
  /** Size of the log before the daemon started: its own lines come after this offset. */
  logOffset: number;
}

/**
 * The daemon's script: bin/kubedojo, the launcher that runs the bundle's main (dist/kubedojo.cjs
 * only exports it). Found from this module: bundled, it is in a bundle in dist/ (our kubectl and
 * crictl start daemons too); run from source, in src/daemon/. bin/'s parent is one or two levels up.
 */
export function daemonEntry(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const roots = [dirname(here), resolve(here, '../..')];
  const root = roots.find((r) => existsSync(join(r, 'bin', 'kubedojo')) && existsSync(join(r, 'dist', 'kubedojo.cjs')));
  if (root === undefined) throw new Error(`kubedojo's launcher or bundle is missing (looked for bin/kubedojo and dist/kubedojo.cjs in ${roots.map((r) => `"${r}"`).join(', ')}); run: npm run build`);
  return join(root, 'bin', 'kubedojo');
}

function logSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The daemon's young generation is kept small: it idles most of the time and its garbage is
 * short-lived request data, and V8's 16 MB semi-spaces alone cost it ~15 MB of resident memory
 * (default cluster idle: 162 MB with them, 147 MB with 4 MB ones). Its node starts as bin/* start
 * theirs (client/startup-env.ts): its apiserver's TLS context would build Node's default store.
 */
const DAEMON_NODE_FLAGS = ['--max-semi-space-size=4', ...STARTUP_NODE_FLAGS];

/** Starts the daemon of the cluster in the background; it outlives this process. */
export function spawnDaemon(paths: ClusterPaths, opts: SpawnOptions = {}): SpawnedDaemon {
  const logOffset = logSize(paths.log);
  const out = openSync(paths.log, 'a', 0o644);
  try {
    const flags = opts.execPath ? [] : DAEMON_NODE_FLAGS;
    const child = spawn(opts.execPath ?? process.execPath, [...flags, opts.entry ?? daemonEntry(), DAEMON_MARKER, '--name', paths.name], {
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...startupEnv(opts.env ?? process.env), KUBEDOJO_HOME: dirname(paths.dir) },
      cwd: paths.dir,
    });
    child.unref();
    child.on('error', () => undefined); // reported below: a child that did not start has no pid
    if (child.pid === undefined) throw new Error(`could not start the daemon of cluster "${paths.name}" with ${opts.execPath ?? process.execPath}`);
    return { pid: child.pid, logOffset };
  } finally {
    closeSync(out);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface StopResult {
  /** The pid that was stopped, or undefined when no daemon was running. */
  pid?: number;
  /** True when SIGTERM was not enough within the timeout and SIGKILL was sent. */
  killed: boolean;
}

async function waitExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isDaemonAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** SIGTERM, wait for a clean exit; SIGKILL after the timeout (the store loses nothing). */
export async function stopDaemon(paths: ClusterPaths, timeoutMs = 15_000): Promise<StopResult> {
  const pid = readPid(paths.pidFile);
  if (pid === undefined || !isDaemonAlive(pid) || pid === process.pid) {
    if (pid !== undefined && pid !== process.pid) releasePidLock(paths.pidFile, pid);
    return { killed: false };
  }
  signal(pid, 'SIGTERM');
  if (await waitExit(pid, timeoutMs)) return { pid, killed: false };
  signal(pid, 'SIGKILL');
  await waitExit(pid, 5_000);
  releasePidLock(paths.pidFile, pid);
  return { pid, killed: true };
}
