// Where a cluster keeps its files under $KUBEDOJO_HOME, and where each simulated node keeps the
// files a real kubeadm node has at the same paths (etc/kubernetes/…, var/lib/…).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_CLUSTER = 'kubedojo';

export function kubedojoHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBEDOJO_HOME || join(homedir(), '.kubedojo');
}

export interface ClusterPaths {
  name: string;
  dir: string;
  /** The layout the cluster was created with, plus the ports it got (cluster.yaml). */
  config: string;
  adminConf: string;
  pidFile: string;
  lockFile: string;
  log: string;
  nodesDir: string;
}

export function clusterPaths(home: string, name: string): ClusterPaths {
  const dir = join(home, name);
  return {
    name,
    dir,
    config: join(dir, 'cluster.yaml'),
    adminConf: join(dir, 'admin.conf'),
    pidFile: join(dir, 'daemon.pid'),
    lockFile: join(dir, 'daemon.lock'),
    log: join(dir, 'daemon.log'),
    nodesDir: join(dir, 'nodes'),
  };
}

/** The paths a kubeadm node has, rooted at the node's folder. */
export interface NodePaths {
  root: string;
  manifests: string;
  pki: string;
  etcdPki: string;
  kubeletConfig: string;
  kubeletConf: string;
  etcdData: string;
  podLogs: string;
  /** etc/kubernetes/{admin,super-admin,controller-manager,scheduler}.conf live here. */
  kubernetesDir: string;
}

export function nodePaths(cluster: ClusterPaths, node: string): NodePaths {
  const root = join(cluster.nodesDir, node);
  const kubernetesDir = join(root, 'etc/kubernetes');
  return {
    root,
    kubernetesDir,
    manifests: join(kubernetesDir, 'manifests'),
    pki: join(kubernetesDir, 'pki'),
    etcdPki: join(kubernetesDir, 'pki/etcd'),
    kubeletConfig: join(root, 'var/lib/kubelet/config.yaml'),
    kubeletConf: join(kubernetesDir, 'kubelet.conf'),
    etcdData: join(root, 'var/lib/etcd'),
    podLogs: join(root, 'var/log/pods'),
  };
}
