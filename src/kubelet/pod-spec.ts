// The parts of a pod's spec and status the kubelet reads, typed.
import type { Obj } from '../client/types.js';
import type { EnvFromSource, EnvVar } from './env.js';

export interface Probe {
  httpGet?: { port: number | string; path?: string; host?: string; scheme?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port: number; service?: string | null };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number | null;
}

export interface ContainerSpec {
  name: string;
  image?: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  restartPolicy?: 'Always';
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

export interface PodSpec {
  nodeName?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  hostNetwork?: boolean;
  hostname?: string;
  runtimeClassName?: string;
  initContainers?: ContainerSpec[];
  containers?: ContainerSpec[];
  ephemeralContainers?: ContainerSpec[];
}

export interface Condition { type: string; status: string; lastProbeTime?: string | null; lastTransitionTime?: string; reason?: string; message?: string }

export interface PodStatus {
  phase?: string;
  conditions?: Condition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  ephemeralContainerStatuses?: ContainerStatus[];
  [k: string]: unknown;
}

export interface StateTerminated { exitCode: number; reason?: string; message?: string; startedAt?: string | null; finishedAt?: string | null; containerID?: string }
export interface ContainerState { waiting?: { reason?: string; message?: string }; running?: { startedAt?: string }; terminated?: StateTerminated }

export interface ContainerStatus {
  name: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  restartCount?: number;
  image?: string;
  imageID?: string;
  containerID?: string;
  started?: boolean;
  [k: string]: unknown;
}

export type Pod = Obj & { spec?: PodSpec; status?: PodStatus };

export const podSpec = (p: Pod): PodSpec => p.spec ?? {};

/** `name_namespace(uid)`, as the kubelet's format.Pod prints a pod. */
export const formatPod = (p: Pod): string => `${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`;

/** An init container with restartPolicy Always: a sidecar. */
export const isSidecar = (c: ContainerSpec): boolean => c.restartPolicy === 'Always';

/** The pod's container of that name: an init, regular or ephemeral one. */
export function containerSpecOf(pod: Pod, name: string): ContainerSpec | undefined {
  const s = podSpec(pod);
  return [...(s.initContainers ?? []), ...(s.containers ?? []), ...(s.ephemeralContainers ?? [])].find((c) => c.name === name);
}
