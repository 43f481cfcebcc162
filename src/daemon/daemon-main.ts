// The daemon process of one cluster (`kubedojo __daemon --name N`): takes the cluster's pid lock,
// runs the cluster, and on SIGTERM/SIGINT stops it and gives the lock back. Its stdout and stderr
// are <cluster>/daemon.log (spawn.ts), so the log is written to stderr. All state lives in the
// store, so a daemon killed with -9 loses nothing: the next one takes over the stale pid file.
import { readClusterConfig } from './create-config.js';
import { acquirePidLock, LockHeldError, type PidLock } from './lock.js';
import type { DaemonLogger } from './logger.js';
import type { ClusterPaths } from './paths.js';
import type { RunningCluster, RunOptions } from './run.js';
import type { ClusterConfig } from './layout.js';

export type RunFn = (paths: ClusterPaths, config: ClusterConfig, opts: RunOptions) => Promise<RunningCluster>;

export interface DaemonOptions {
  log: DaemonLogger;
  /** Resolves with the signal's name when the daemon is asked to stop. */
  stopSignal: Promise<string>;
  /** The cluster: runCluster (run.ts) in the real daemon, a stand-in in tests. */
  run: RunFn;
  clock?: () => number;
  pid?: number;
}

/** Exit codes of the daemon process. */
export const DAEMON_EXIT = { stopped: 0, failed: 1, lockHeld: 2 } as const;

const SRC = 'daemon.go';

function takeLock(paths: ClusterPaths, opts: DaemonOptions): PidLock | undefined {
  try {
    return acquirePidLock(paths.pidFile, opts.pid ?? process.pid);
  } catch (err) {
    if (!(err instanceof LockHeldError)) throw err;
    opts.log.error(`${SRC}:40`, `cluster "${paths.name}" is already served by the daemon with pid ${err.pid}; not starting a second one`);
    return undefined;
  }
}

async function start(paths: ClusterPaths, opts: DaemonOptions): Promise<RunningCluster> {
  const config = readClusterConfig(paths);
  const runOpts: RunOptions = { log: (line) => opts.log.info(`${SRC}:60`, line) };
  if (opts.clock !== undefined) runOpts.clock = opts.clock;
  return opts.run(paths, config, runOpts);
}

async function serveUntilSignal(paths: ClusterPaths, opts: DaemonOptions): Promise<number> {
  let running: RunningCluster;
  try {
    running = await start(paths, opts);
  } catch (err) {
    opts.log.error(`${SRC}:70`, `cluster "${paths.name}" failed to start: ${err instanceof Error ? err.message : String(err)}`);
    return DAEMON_EXIT.failed;
  }
  opts.log.info(`${SRC}:73`, `cluster "${paths.name}" is serving at ${running.apiserverUrl}`);
  const signal = await opts.stopSignal;
  opts.log.info(`${SRC}:75`, `received ${signal}, shutting down cluster "${paths.name}"`);
  await running.stop();
  opts.log.info(`${SRC}:77`, 'shutdown complete');
  return DAEMON_EXIT.stopped;
}

export async function runDaemon(paths: ClusterPaths, opts: DaemonOptions): Promise<number> {
  const lock = takeLock(paths, opts);
  if (lock === undefined) return DAEMON_EXIT.lockHeld;
  opts.log.info(`${SRC}:84`, `kubedojo daemon (pid ${lock.pid}) starting cluster "${paths.name}"`);
  try {
    return await serveUntilSignal(paths, opts);
  } finally {
    lock.release();
  }
}

/** Resolves on the first SIGTERM or SIGINT; later ones are ignored while the cluster stops. */
export function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (name: string) => (): void => resolve(name);
    process.on('SIGTERM', on('SIGTERM'));
    process.on('SIGINT', on('SIGINT'));
    process.on('SIGHUP', on('SIGHUP'));
  });
}
