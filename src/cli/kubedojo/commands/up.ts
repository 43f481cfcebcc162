// kubedojo up: create the cluster (first time) or start its daemon, wait until its apiserver is
// ready, make its context current, and say how to use it. Progress and notes go to stderr (as
// kind's do), the "how to use it" block to stdout.
import { ExitError } from '../../shared/exit.js';
import { clusterExists } from '../../../daemon/create-config.js';
import { createCluster, defaultCreateSteps } from '../../../daemon/create.js';
import { runningDaemonPid } from '../../../daemon/lock.js';
import type { ClusterPaths } from '../../../daemon/paths.js';
import { kubedojoEntryName } from '../../../client/kubeconfig.js';
import { NotReadyError, waitReady } from '../../../daemon/spawn-ready.js';
import { spawnDaemon } from '../../../daemon/spawn.js';
import { layoutArg, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { setKubectlContext } from '../kubeconfig.js';
import { progressFor } from '../progress.js';

export interface UpOptions {
  name: string;
  /** Absolute path of the layout file for a new cluster. */
  layoutFile?: string;
}

export function complete(raw: Record<string, unknown>, ctx: Context): UpOptions {
  const o: UpOptions = { name: String(raw.name) };
  if (typeof raw.config === 'string') o.layoutFile = layoutArg(raw.config, ctx.io.cwd);
  return o;
}

function notReady(err: unknown): never {
  if (!(err instanceof NotReadyError)) throw err;
  throw new ExitError(EXIT.error, [err.message, ...err.logTail.map((l) => `  ${l}`)].join('\n'));
}

async function startDaemon(ctx: Context, paths: ClusterPaths): Promise<void> {
  const running = runningDaemonPid(paths.pidFile);
  const spawned = running === undefined ? spawnDaemon(paths, { ...ctx.overrides.daemon, env: ctx.io.env as NodeJS.ProcessEnv }) : { pid: running, logOffset: undefined };
  const wait: Parameters<typeof waitReady>[1] = { pid: spawned.pid };
  if (spawned.logOffset !== undefined) wait.logOffset = spawned.logOffset;
  if (ctx.overrides.readyTimeoutMs !== undefined) wait.timeoutMs = ctx.overrides.readyTimeoutMs;
  await waitReady(paths, wait).catch(notReady);
}

/** Creates or starts the cluster and waits for it; shared with `reset`. */
export async function bringUp(ctx: Context, paths: ClusterPaths, layoutFile?: string): Promise<void> {
  const steps = ctx.overrides.createSteps ?? defaultCreateSteps;
  const progress = await progressFor(ctx.io.stderr, ctx.interactive);
  const running = runningDaemonPid(paths.pidFile);
  if (clusterExists(paths)) {
    if (layoutFile !== undefined) ctx.err(`Note: --config applies only when a cluster is created; "${paths.name}" exists. To recreate it from "${layoutFile}", run: kubedojo reset --name ${paths.name} --config ${layoutFile}\n`);
    if (running !== undefined) ctx.err(`Cluster "${paths.name}" is already running (pid ${running}).\n`);
    else ctx.err(`Starting cluster "${paths.name}" ...\n`);
    await createCluster(paths, undefined, steps);
  } else {
    ctx.err(`Creating cluster "${paths.name}" ...\n`);
    await progress.step('Writing configuration and certificates', () => createCluster(paths, layoutFile, steps));
  }
  if (running === undefined) await progress.step('Starting the control plane', () => startDaemon(ctx, paths));
  else await startDaemon(ctx, paths);
}

function usage(ctx: Context, paths: ClusterPaths, kubeconfig: string): void {
  const context = kubedojoEntryName(paths.name);
  ctx.out([
    'You can now use your cluster with:',
    '',
    `kubectl cluster-info --context ${context}`,
    '',
    `The context "${context}" is in ${kubeconfig}; the cluster's admin kubeconfig is ${paths.adminConf}.`,
    '',
  ].join('\n'));
}

export async function run(raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const o = complete(raw, ctx);
  const paths = ctx.cluster(o.name);
  await bringUp(ctx, paths, o.layoutFile);
  const kubeconfig = await setKubectlContext(ctx, paths);
  ctx.err(`Set kubectl context to "${kubedojoEntryName(paths.name)}"\n`);
  usage(ctx, paths, kubeconfig);
  return EXIT.success;
}
