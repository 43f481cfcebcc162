// Lays out each node's folder as kubeadm leaves a node: on the control plane the four static Pod
// manifests in etc/kubernetes/manifests and an empty var/lib/etcd; on every node
// var/lib/kubelet/config.yaml, the resolv.conf it names, an (empty, on workers) manifests folder and
// var/log/pods.
// Files that already exist are kept, so a user's edits (the etcd restore drill) survive a restart.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClusterConfig, NodeSpec } from '../layout.js';
import { nodePaths, type ClusterPaths, type NodePaths } from '../paths.js';
import { apiserverPod, controllerManagerPod, schedulerPod } from './control-plane-pods.js';
import { etcdPod } from './etcd-pod.js';
import { toKubeYaml } from './kube-yaml.js';
import { kubeletConfigYaml } from './kubelet-config.js';

export interface WriteNodeFilesOptions {
  /** Rewrite files that already exist (default false: keep them). */
  overwrite?: boolean;
}

/** The static Pod manifests of the control-plane node, by file name. */
export function staticPodManifests(config: ClusterConfig): Record<string, string> {
  return {
    'etcd.yaml': toKubeYaml(etcdPod(config)),
    'kube-apiserver.yaml': toKubeYaml(apiserverPod(config)),
    'kube-controller-manager.yaml': toKubeYaml(controllerManagerPod(config)),
    'kube-scheduler.yaml': toKubeYaml(schedulerPod(config)),
  };
}

export function writeNodeFiles(paths: ClusterPaths, config: ClusterConfig, opts: WriteNodeFilesOptions = {}): void {
  const kubelet = kubeletConfigYaml(config);
  const manifests = staticPodManifests(config);
  for (const node of config.nodes) {
    writeOneNode(nodePaths(paths, node.name), node, { kubelet, manifests }, opts.overwrite ?? false);
  }
}

/** crictl's endpoints, as the CKA environments' nodes have them (no default-endpoint warnings). */
export const CRICTL_YAML = 'runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\ntimeout: 10\ndebug: false\n';

interface NodeFiles {
  kubelet: string;
  manifests: Record<string, string>;
}

function writeOneNode(np: NodePaths, node: NodeSpec, files: NodeFiles, overwrite: boolean): void {
  mkdirSync(np.manifests, { recursive: true, mode: 0o700 });
  mkdirSync(np.podLogs, { recursive: true });
  writeFile(np.kubeletConfig, files.kubelet, 0o644, overwrite);
  writeFile(join(np.root, 'etc/crictl.yaml'), CRICTL_YAML, 0o644, overwrite);
  writeFile(join(np.root, 'run/systemd/resolve/resolv.conf'), nodeResolvConf(node), 0o644, overwrite);
  if (node.role !== 'control-plane') return;
  mkdirSync(np.etcdData, { recursive: true, mode: 0o700 });
  for (const [name, text] of Object.entries(files.manifests)) {
    writeFile(join(np.manifests, name), text, 0o600, overwrite);
  }
}

/** systemd-resolved's uplink file (the kubelet config's resolvConf): the node network's gateway. */
export function nodeResolvConf(node: NodeSpec): string {
  const gateway = node.internalIP.replace(/\.\d+$/, '.1');
  return `# This is /run/systemd/resolve/resolv.conf managed by man:systemd-resolved(8).\n# Do not edit.\n\nnameserver ${gateway}\nsearch .\n`;
}

function writeFile(path: string, text: string, mode: number, overwrite: boolean): void {
  if (!overwrite && existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode });
}
