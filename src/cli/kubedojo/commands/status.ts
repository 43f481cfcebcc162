// kubedojo status: whether the cluster's daemon runs (and its pid), its apiserver, its
// kubeconfig and its nodes as cluster.yaml lists them. Exit 0 running, 3 stopped (exit-codes.ts).
import { readClusterConfig } from '../../../daemon/create-config.js';
import type { ClusterConfig } from '../../../daemon/layout.js';
import { runningDaemonPid } from '../../../daemon/lock.js';
import type { ClusterPaths } from '../../../daemon/paths.js';
import { kubedojoEntryName } from '../../../client/kubeconfig.js';
import { tabwrite } from '../../shared/tabwriter.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** kubectl's table layout (minwidth 6, tabwidth 4, padding 3, spaces). */
const TABLE = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ' };

export interface StatusOptions {
  name: string;
}

export function complete(raw: Record<string, unknown>): StatusOptions {
  return { name: String(raw.name) };
}

function nodeTable(config: ClusterConfig): string {
  const rows = [['NAME', 'ROLE', 'INTERNAL-IP', 'POD-CIDR'], ...config.nodes.map((n) => [n.name, n.role, n.internalIP, n.podCIDR])];
  return `${tabwrite(rows.map((r) => r.join('\t')).join('\n'), TABLE)}\n`;
}

export function renderStatus(paths: ClusterPaths, config: ClusterConfig, pid: number | undefined): string {
  const fields: [string, string][] = [
    ['Cluster:', paths.name],
    ['Status:', pid === undefined ? 'stopped' : `running (pid ${pid})`],
    ['API server:', `https://127.0.0.1:${config.apiserverPort}`],
    ['etcd:', `https://127.0.0.1:${config.etcdClientPort} (peer ${config.etcdPeerPort})`],
    ['Version:', config.kubernetesVersion],
    ['Context:', kubedojoEntryName(paths.name)],
    ['Kubeconfig:', paths.adminConf],
    ['Log:', paths.log],
  ];
  const head = tabwrite(fields.map(([k, v]) => `${k}\t${v}`).join('\n'), { ...TABLE, padding: 1 });
  return `${head}\nNodes:\n${nodeTable(config)}`;
}

export async function run(raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const o = complete(raw);
  const paths = ctx.cluster(o.name);
  const config = readClusterConfig(paths);
  const pid = runningDaemonPid(paths.pidFile);
  ctx.out(renderStatus(paths, config, pid));
  if (pid === undefined) ctx.err(`Start it with: kubedojo up --name ${paths.name}\n`);
  return pid === undefined ? EXIT.stopped : EXIT.success;
}

