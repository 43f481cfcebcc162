// Starting a cluster on first use: our kubectl and crictl call ensureDaemonFor with the
// kubeconfig's current context (its name, or client/kubeconfig's CurrentContext); when it is a
// kubedojo cluster (kubedojo-<name>, with a cluster folder in $KUBEDOJO_HOME) whose daemon is not
// running, the daemon is started and awaited, and one line on stderr says so.
import { existsSync } from 'node:fs';
import { KUBEDOJO_PREFIX, type CurrentContext } from '../client/kubeconfig.js';
import { runningDaemonPid } from './lock.js';
import { clusterPaths, kubedojoHome, type ClusterPaths } from './paths.js';
import { spawnDaemon, type SpawnOptions } from './spawn.js';
import { waitReady } from './spawn-ready.js';

export interface EnsureOptions extends SpawnOptions {
  env?: Record<string, string | undefined>;
  stderr?: { write(chunk: string): unknown };
  timeoutMs?: number;
}

export type EnsureResult = 'not-kubedojo' | 'running' | 'started';

export type ContextRef = string | Pick<CurrentContext, 'context' | 'kubedojoCluster'> | undefined;

function clusterName(ref: ContextRef): string | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref !== 'string') return ref.kubedojoCluster ?? clusterName(ref.context);
  return ref.startsWith(KUBEDOJO_PREFIX) ? ref.slice(KUBEDOJO_PREFIX.length) : undefined;
}

/** The cluster a kubeconfig context names, when it is one of this home's kubedojo clusters. */
export function clusterForContext(context: ContextRef, env: Record<string, string | undefined> = process.env): ClusterPaths | undefined {
  const name = clusterName(context);
  if (name === undefined || name === '' || name.includes('/') || name.startsWith('.')) return undefined;
  const paths = clusterPaths(kubedojoHome(env as NodeJS.ProcessEnv), name);
  return existsSync(paths.config) ? paths : undefined;
}

/** Starts the daemon of the context's cluster if it is a stopped kubedojo cluster. */
export async function ensureDaemonFor(kubeconfigContext: ContextRef, opts: EnsureOptions = {}): Promise<EnsureResult> {
  const env = opts.env ?? process.env;
  const paths = clusterForContext(kubeconfigContext, env);
  if (paths === undefined) return 'not-kubedojo';
  if (runningDaemonPid(paths.pidFile) !== undefined) return 'running';
  (opts.stderr ?? process.stderr).write(`kubedojo: cluster "${paths.name}" was not running; starting it (kubedojo logs --name ${paths.name} shows its log)\n`);
  const spawned = spawnDaemon(paths, { ...opts, env: env as NodeJS.ProcessEnv });
  const wait: Parameters<typeof waitReady>[1] = { pid: spawned.pid, logOffset: spawned.logOffset };
  if (opts.timeoutMs !== undefined) wait.timeoutMs = opts.timeoutMs;
  await waitReady(paths, wait);
  return 'started';
}
