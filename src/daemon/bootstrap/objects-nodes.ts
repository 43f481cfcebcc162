// Node objects as a kubeadm node's kubelet registers and reports them (labels, annotations,
// capacity and allocatable, addresses, nodeInfo, the four conditions), with the pod CIDR the
// controller-manager gave and the taint `kubeadm init` puts on the control plane; and the node
// Leases each kubelet renews in kube-node-lease.
import { createHash } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import type { ClusterConfig, NodeSpec } from '../layout.js';
import {
  CONTROL_PLANE_LABEL,
  CRI_SOCKET,
  EVICTION_HARD_MEMORY_BYTES,
  EVICTION_HARD_NODEFS_FRACTION,
  EXCLUDE_LB_LABEL,
  KUBELET_PORT,
} from './constants.js';
import { formatQuantity, parseQuantity, subtractQuantity } from './quantity.js';
import { CONTAINER_RUNTIME_VERSION } from '../../kubelet/cri/containerd.js';

export const NODE_OS = {
  osImage: 'Ubuntu 22.04.5 LTS',
  kernelVersion: '5.15.0-136-generic',
  containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
  architecture: 'amd64',
  operatingSystem: 'linux',
} as const;

export const NODE_LEASE_DURATION_SECONDS = 40;

export function nodeObject(node: NodeSpec, config: ClusterConfig, now: string): KObject {
  const controlPlane = node.role === 'control-plane';
  const spec: Record<string, unknown> = { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR] };
  if (controlPlane) spec.taints = [{ effect: 'NoSchedule', key: CONTROL_PLANE_LABEL }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: nodeLabels(node),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': CRI_SOCKET,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: nodeStatus(node, config, now),
  };
}

export function nodeLabels(node: NodeSpec): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': NODE_OS.architecture,
    'beta.kubernetes.io/os': NODE_OS.operatingSystem,
    'kubernetes.io/arch': NODE_OS.architecture,
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': NODE_OS.operatingSystem,
  };
  if (node.role === 'control-plane') {
    labels[CONTROL_PLANE_LABEL] = '';
    labels[EXCLUDE_LB_LABEL] = '';
  }
  return { ...labels, ...node.labels };
}

function nodeStatus(node: NodeSpec, config: ClusterConfig, now: string): Record<string, unknown> {
  const time = rfc3339(now);
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    message,
    reason,
    status,
    type,
  });
  return {
    addresses: [
      { address: node.internalIP, type: 'InternalIP' },
      { address: node.name, type: 'Hostname' },
    ],
    allocatable: allocatable(node.capacity),
    capacity: { ...node.capacity },
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
    images: [],
    nodeInfo: nodeInfo(node, config),
  };
}

/** Capacity less kubelet's default hard-eviction thresholds (kubeadm reserves nothing else). */
export function allocatable(capacity: Record<string, string>): Record<string, string> {
  const out = { ...capacity };
  const memory = capacity.memory !== undefined ? parseQuantity(capacity.memory) : undefined;
  if (memory) out.memory = formatQuantity(subtractQuantity(memory, BigInt(EVICTION_HARD_MEMORY_BYTES) * 1000n));
  const disk = capacity['ephemeral-storage'] !== undefined ? parseQuantity(capacity['ephemeral-storage']) : undefined;
  if (disk) {
    const bytes = disk.milli / 1000n;
    const reserved = BigInt(Math.floor(Number(bytes) * EVICTION_HARD_NODEFS_FRACTION));
    out['ephemeral-storage'] = formatQuantity(subtractQuantity(disk, reserved * 1000n));
  }
  return out;
}

function nodeInfo(node: NodeSpec, config: ClusterConfig): Record<string, string> {
  const id = (what: string): string => createHash('sha256').update(`${config.name}/${node.name}/${what}`).digest('hex');
  const uuid = (hex: string): string =>
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return {
    architecture: NODE_OS.architecture,
    bootID: uuid(id('boot-id')),
    containerRuntimeVersion: NODE_OS.containerRuntimeVersion,
    kernelVersion: NODE_OS.kernelVersion,
    kubeProxyVersion: config.kubernetesVersion,
    kubeletVersion: config.kubernetesVersion,
    machineID: id('machine-id').slice(0, 32),
    operatingSystem: NODE_OS.operatingSystem,
    osImage: NODE_OS.osImage,
    systemUUID: uuid(id('system-uuid')),
  };
}

export function nodeLease(node: NodeSpec, now: string): KObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: node.name, namespace: 'kube-node-lease' },
    spec: {
      holderIdentity: node.name,
      leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS,
      renewTime: microTime(now),
    },
  };
}

/** metav1.Time: seconds precision, UTC. */
export function rfc3339(now: string): string {
  return new Date(now).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** metav1.MicroTime: six fractional digits, UTC. */
export function microTime(now: string): string {
  const micros = /\.(\d+)/.exec(now)?.[1] ?? '';
  return new Date(now).toISOString().replace(/\.\d+Z$/, `.${micros.padEnd(6, '0').slice(0, 6)}Z`);
}
