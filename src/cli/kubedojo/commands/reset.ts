// kubedojo reset: stop the cluster, delete its folder (store, certificates, node files, log),
// and create it again, from the layout it had unless --config names another one.
import { rmSync } from 'node:fs';
import { clusterExists, readClusterConfig } from '../../../daemon/create-config.js';
import { defaultCreateSteps } from '../../../daemon/create.js';
import type { ClusterConfig, ClusterLayout } from '../../../daemon/layout.js';
import { layoutArg, type Context } from '../context.js';
import { stopCluster } from './down.js';
import { run as up } from './up.js';

export interface ResetOptions {
  name: string;
  layoutFile?: string;
}

export function complete(raw: Record<string, unknown>, ctx: Context): ResetOptions {
  const o: ResetOptions = { name: String(raw.name) };
  if (typeof raw.config === 'string') o.layoutFile = layoutArg(raw.config, ctx.io.cwd);
  return o;
}

export function layoutOf(config: ClusterConfig): ClusterLayout {
  const { nodes, podSubnet, serviceSubnet, dnsDomain } = config;
  return { nodes, podSubnet, serviceSubnet, dnsDomain };
}

export async function run(raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const o = complete(raw, ctx);
  const paths = ctx.cluster(o.name);
  let layout: ClusterLayout | undefined;
  if (clusterExists(paths)) {
    if (o.layoutFile === undefined) layout = layoutOf(readClusterConfig(paths));
    await stopCluster(ctx, paths);
    ctx.err(`Deleting cluster "${paths.name}" ...\n`);
  }
  rmSync(paths.dir, { recursive: true, force: true });
  const steps = ctx.overrides.createSteps ?? defaultCreateSteps;
  const again = layout === undefined ? ctx : ctx.with({ createSteps: { ...steps, loadLayout: () => layout } });
  return up({ name: o.name, config: o.layoutFile }, again);
}
