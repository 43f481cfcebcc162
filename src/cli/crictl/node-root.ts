// Where the node crictl runs on keeps its files: $KUBEDOJO_NODE_ROOT, else the control-plane node
// of the default cluster under $KUBEDOJO_HOME. Every absolute in-node path crictl uses
// (/etc/crictl.yaml, the runtime socket, log files) is read under this root.
import { join } from 'node:path';
import { readClusterConfig } from '../../daemon/create-config.js';
import { DEFAULT_CLUSTER, clusterPaths, kubedojoHome, nodePaths } from '../../daemon/paths.js';

/** The host folder standing for the node's `/`; a folder that does not exist when there is no cluster. */
export function resolveNodeRoot(env: Record<string, string | undefined>): string {
  const explicit = env.KUBEDOJO_NODE_ROOT;
  if (explicit) return explicit;
  const home = kubedojoHome(env as NodeJS.ProcessEnv);
  const paths = clusterPaths(home, DEFAULT_CLUSTER);
  try {
    const config = readClusterConfig(paths);
    const cp = config.nodes.find((n) => n.role === 'control-plane') ?? config.nodes[0];
    if (cp) return nodePaths(paths, cp.name).root;
  } catch {
    // No cluster: behave as a machine without the files.
  }
  return join(paths.nodesDir, '.no-cluster');
}

/** The host path of an in-node path (absolute, or relative to the node's `/`). */
export function hostPath(nodeRoot: string, inNode: string): string {
  return join(nodeRoot, inNode.startsWith('/') ? inNode.slice(1) : inNode);
}
