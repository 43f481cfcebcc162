// The building blocks kubeadm's staticpod package puts every control-plane manifest together
// with: the Pod shell (labels component/tier, system-node-critical with its explicit priority,
// hostNetwork, RuntimeDefault seccomp), the three HTTP probes, hostPath volumes and their mounts,
// and the sorted `--flag=value` command line.
import type { ClusterConfig, NodeSpec } from '../layout.js';
import {
  CONTROL_PLANE_HEALTH_CHECK_SECONDS,
  SYSTEM_NODE_CRITICAL,
  SYSTEM_NODE_CRITICAL_VALUE,
} from './constants.js';

export type Json = Record<string, unknown>;

export interface HostPathVolume {
  name: string;
  hostPath: { path: string; type: string };
}

export interface VolumeMount {
  mountPath: string;
  name: string;
  readOnly?: true;
}

export function controlPlaneNode(config: ClusterConfig): NodeSpec {
  const node = config.nodes.find((n) => n.role === 'control-plane');
  if (!node) throw new Error(`cluster "${config.name}" has no control-plane node`);
  return node;
}

/** staticpodutil.ComponentPod: one container, its volumes sorted by name. */
export function componentPod(container: Json, volumes: HostPathVolume[], annotations?: Record<string, string>): Json {
  const name = container.name as string;
  const metadata: Json = {
    creationTimestamp: null,
    labels: { component: name, tier: 'control-plane' },
    name,
    namespace: 'kube-system',
  };
  if (annotations) metadata.annotations = annotations;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      containers: [container],
      hostNetwork: true,
      priority: SYSTEM_NODE_CRITICAL_VALUE,
      priorityClassName: SYSTEM_NODE_CRITICAL,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [...volumes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    },
    status: {},
  };
}

/** kubeadm's ArgumentsToCommand: `--name=value`, sorted by name. */
export function command(binary: string, args: Record<string, string>): string[] {
  const names = Object.keys(args).sort();
  return [binary, ...names.map((n) => `--${n}=${args[n]}`)];
}

function httpProbe(host: string, path: string, port: number, scheme: string, timing: number[]): Json {
  const [initialDelaySeconds = 0, timeoutSeconds = 0, failureThreshold = 0, periodSeconds = 0] = timing;
  const probe: Json = { failureThreshold, httpGet: { host, path, port, scheme }, periodSeconds, timeoutSeconds };
  if (initialDelaySeconds > 0) probe.initialDelaySeconds = initialDelaySeconds;
  return probe;
}

export function livenessProbe(host: string, path: string, port: number, scheme: string): Json {
  return httpProbe(host, path, port, scheme, [10, 15, 8, 10]);
}

export function readinessProbe(host: string, path: string, port: number, scheme: string): Json {
  return httpProbe(host, path, port, scheme, [0, 15, 3, 1]);
}

export function startupProbe(host: string, path: string, port: number, scheme: string): Json {
  const failureThreshold = Math.ceil(CONTROL_PLANE_HEALTH_CHECK_SECONDS / 10);
  return httpProbe(host, path, port, scheme, [10, 15, failureThreshold, 10]);
}

export function hostPathVolume(name: string, path: string, type: string): HostPathVolume {
  return { name, hostPath: { path, type } };
}

export function volumeMount(name: string, mountPath: string, readOnly: boolean): VolumeMount {
  return readOnly ? { mountPath, name, readOnly: true } : { mountPath, name };
}

/** The CA bundle folders kubeadm mounts into the apiserver and controller-manager on Ubuntu. */
export const CA_CERT_VOLUMES: HostPathVolume[] = [
  hostPathVolume('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPathVolume('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
  hostPathVolume('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPathVolume('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];

/** Read-only mounts of the given volumes at their host paths, sorted by name as kubeadm does. */
export function sortedMounts(volumes: HostPathVolume[], writable: string[] = []): VolumeMount[] {
  return [...volumes]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((v) => volumeMount(v.name, v.hostPath.path, !writable.includes(v.name)));
}
