// Creates a cluster's files the first time: ports, PKI (kubeadm's certs and kubeconfigs), each
// node's files (static pod manifests, kubelet config) and <cluster>/admin.conf; cluster.yaml is
// written last. On an existing cluster it only reads cluster.yaml: a start never rewrites what a
// drill may have changed (a removed manifest, a replaced certificate).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clusterExists, portsInUse, readClusterConfig, writeClusterConfig } from './create-config.js';
import { pickClusterPorts } from './create-ports.js';
import { KUBERNETES_VERSION, type ClusterConfig, type ClusterLayout } from './layout.js';
import { nodePaths, type ClusterPaths } from './paths.js';

/** The steps of creation that other modules own, injectable so tests can stand in for them. */
export interface CreateSteps {
  loadLayout(file?: string): ClusterLayout | Promise<ClusterLayout>;
  ensureClusterPki(paths: ClusterPaths, config: ClusterConfig): Promise<void>;
  writeNodeFiles(paths: ClusterPaths, config: ClusterConfig): void | Promise<void>;
  clock?: () => number;
}

export interface CreatedCluster {
  config: ClusterConfig;
  /** False when the cluster already existed and was left as it was. */
  created: boolean;
}

export const defaultCreateSteps: CreateSteps = {
  loadLayout: async (file) => (await import('./bootstrap/layout-file.js')).loadLayout(file),
  ensureClusterPki: async (paths, config) => (await import('./pki/index.js')).ensureClusterPki(paths, config),
  writeNodeFiles: async (paths, config) => (await import('./bootstrap/manifests.js')).writeNodeFiles(paths, config),
};

export function controlPlaneNode(config: ClusterConfig): string {
  const node = config.nodes.find((n) => n.role === 'control-plane');
  if (node === undefined) throw new Error(`cluster "${config.name}" has no control-plane node`);
  return node.name;
}

/** Copies the control-plane node's etc/kubernetes/admin.conf to <cluster>/admin.conf. */
export function copyAdminConf(paths: ClusterPaths, config: ClusterConfig): void {
  const source = join(nodePaths(paths, controlPlaneNode(config)).kubernetesDir, 'admin.conf');
  if (!existsSync(source)) throw new Error(`the cluster's PKI step wrote no "${source}"`);
  copyFileSync(source, paths.adminConf);
}

async function newConfig(paths: ClusterPaths, layoutFile: string | undefined, steps: CreateSteps): Promise<ClusterConfig> {
  const layout = await steps.loadLayout(layoutFile);
  const ports = await pickClusterPorts(portsInUse(dirname(paths.dir), paths.name));
  const now = steps.clock?.() ?? Date.now();
  return {
    ...layout,
    name: paths.name,
    kubernetesVersion: KUBERNETES_VERSION,
    ...ports,
    createdAt: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export async function createCluster(paths: ClusterPaths, layoutFile?: string, steps: CreateSteps = defaultCreateSteps): Promise<CreatedCluster> {
  if (clusterExists(paths)) {
    const config = readClusterConfig(paths);
    if (!existsSync(paths.adminConf)) copyAdminConf(paths, config);
    return { config, created: false };
  }
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const config = await newConfig(paths, layoutFile, steps);
  await steps.ensureClusterPki(paths, config);
  await steps.writeNodeFiles(paths, config);
  copyAdminConf(paths, config);
  writeClusterConfig(paths, config);
  return { config, created: true };
}
