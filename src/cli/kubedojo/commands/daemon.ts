// kubedojo __daemon --name N (hidden): the cluster's daemon in this process, as `up` and our
// CLIs spawn it. Its log lines go to stderr, which the spawner points at <cluster>/daemon.log.
import { processStopSignal, runDaemon, type RunFn } from '../../../daemon/daemon-main.js';
import { createDaemonLogger } from '../../../daemon/logger.js';
import type { Context } from '../context.js';

/** runCluster, loaded inside the daemon's start so a failure to load it is logged like any other. */
const runCluster: RunFn = async (...args) => (await import('../../../daemon/run.js')).runCluster(...args);

export async function run(raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const paths = ctx.cluster(String(raw.name));
  const log = createDaemonLogger((line) => void ctx.io.stderr.write(line));
  return runDaemon(paths, { log, stopSignal: processStopSignal(), run: runCluster });
}
