// The etcd static Pod of the control-plane node as the kubelet would run it (see static-pod-args):
// restore a snapshot into a new folder, point the etcd-data hostPath (or --data-dir and its
// mount) at it, and the cluster runs on that data.
import { ManifestError, staticPodArgs, type StaticPodArgsOptions } from './static-pod-args.js';

export { ManifestError as EtcdManifestError };

/** etcd's flags whose value is a file or folder. */
export const ETCD_PATH_FLAGS = [
  'data-dir',
  'wal-dir',
  'cert-file',
  'key-file',
  'trusted-ca-file',
  'peer-cert-file',
  'peer-key-file',
  'peer-trusted-ca-file',
  'client-crl-file',
  'peer-crl-file',
];

export const ETCD_MANIFEST = 'etc/kubernetes/manifests/etcd.yaml';

/** The etcd container's arguments (without the binary), path flags mapped to real paths. */
export function etcdArgsFromManifest(nodeRoot: string, opts: StaticPodArgsOptions = {}): string[] {
  return staticPodArgs(nodeRoot, { manifest: ETCD_MANIFEST, component: 'etcd', pathFlags: ETCD_PATH_FLAGS }, opts);
}
