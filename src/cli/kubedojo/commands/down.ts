// kubedojo down: stop the cluster's daemon (SIGTERM, wait). Its state stays in the store and
// its files; `kubedojo up` starts it again. Not running is not an error.
import { clusterExists } from '../../../daemon/create-config.js';
import { runningDaemonPid } from '../../../daemon/lock.js';
import { stopDaemon, type StopResult } from '../../../daemon/spawn.js';
import type { ClusterPaths } from '../../../daemon/paths.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface DownOptions {
  name: string;
}

export function complete(raw: Record<string, unknown>): DownOptions {
  return { name: String(raw.name) };
}

/** Stops the daemon if it runs and says what happened; shared with `reset`. */
export async function stopCluster(ctx: Context, paths: ClusterPaths): Promise<StopResult> {
  if (runningDaemonPid(paths.pidFile) !== undefined) ctx.err(`Stopping cluster "${paths.name}" ...\n`);
  const result = await stopDaemon(paths);
  if (result.pid === undefined) ctx.err(`Cluster "${paths.name}" is not running.\n`);
  else if (result.killed) ctx.err(`Cluster "${paths.name}" did not stop within 15 s; killed its daemon (pid ${result.pid}). Its state is kept.\n`);
  else ctx.err(`Stopped cluster "${paths.name}" (pid ${result.pid}).\n`);
  return result;
}

export async function run(raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const o = complete(raw);
  const paths = ctx.cluster(o.name);
  if (!clusterExists(paths)) {
    ctx.err(`Cluster "${paths.name}" does not exist; nothing to stop.\n`);
    return EXIT.success;
  }
  await stopCluster(ctx, paths);
  return EXIT.success;
}
