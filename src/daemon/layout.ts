// What a cluster is made of: its nodes (capacity, labels, role) and networks, read from a layout
// file (fixtures/layouts/*.yaml) and saved with the ports it was given as <cluster>/cluster.yaml.

export const KUBERNETES_VERSION = 'v1.32.4';

export interface NodeSpec {
  name: string;
  role: 'control-plane' | 'worker';
  /** Quantities as Kubernetes writes them: cpu "2", memory "4019916Ki", pods "110". */
  capacity: Record<string, string>;
  labels: Record<string, string>;
  /** The node's InternalIP, e.g. 192.168.49.2. */
  internalIP: string;
  /** The node's pod CIDR, e.g. 10.244.0.0/24. */
  podCIDR: string;
}

export interface ClusterLayout {
  nodes: NodeSpec[];
  podSubnet: string;
  serviceSubnet: string;
  dnsDomain: string;
}

/** The layout plus what the cluster got when it was created. */
export interface ClusterConfig extends ClusterLayout {
  name: string;
  kubernetesVersion: string;
  apiserverPort: number;
  etcdClientPort: number;
  etcdPeerPort: number;
  createdAt: string;
}
