// Runtime records as CRI messages, filled in the way containerd 2.0's CRI plugin fills them.
import type * as T from '../../client/cri/types.js';
import type { ContainerEntry, ImageEntry, SandboxEntry } from './state.js';

export function criImage(i: ImageEntry): T.Image {
  return { id: i.id, repoTags: [...i.repoTags], repoDigests: [...i.repoDigests], size: String(i.size), uid: null, username: '', spec: null, pinned: i.pinned };
}

function imageSpec(image: string, userSpecifiedImage: string): T.ImageSpec {
  return { image, annotations: {}, userSpecifiedImage, runtimeHandler: '' };
}

/** A container as ListContainers shows it: the image as the kubelet asked for it. */
export function criContainer(c: ContainerEntry): T.Container {
  return {
    id: c.id, podSandboxId: c.sandboxId, metadata: { name: c.name, attempt: c.attempt }, image: imageSpec(c.image, c.userImage),
    imageRef: c.imageRef, state: c.state, createdAt: String(c.createdAt), labels: { ...c.labels }, annotations: { ...c.annotations }, imageId: '',
  };
}

/** containerd's reason for an exited container: the one recorded, else Completed or Error. */
function exitReason(c: ContainerEntry): string {
  if (c.state !== 'CONTAINER_EXITED' || c.reason) return c.reason;
  return c.exitCode === 0 ? 'Completed' : 'Error';
}

/** ContainerStatus: the image as its first repo tag, imageRef its first repo digest (§5.2). */
export function criContainerStatus(c: ContainerEntry, image: ImageEntry | undefined): T.ContainerStatus {
  return {
    id: c.id, metadata: { name: c.name, attempt: c.attempt }, state: c.state, createdAt: String(c.createdAt), startedAt: String(c.startedAt),
    finishedAt: String(c.finishedAt), exitCode: c.exitCode, image: imageSpec(image?.repoTags[0] ?? c.image, ''),
    imageRef: image?.repoDigests[0] ?? c.imageRef, reason: exitReason(c), message: c.message, labels: { ...c.labels }, annotations: { ...c.annotations },
    mounts: c.mounts.map((m) => ({ ...m })), logPath: c.logPath, resources: containerResources(), imageId: '', user: rootUser(),
  };
}

function containerResources(): T.ContainerResources {
  return {
    linux: {
      cpuPeriod: '100000', cpuQuota: '0', cpuShares: '2', memoryLimitInBytes: '0', oomScoreAdj: '1000', cpusetCpus: '', cpusetMems: '',
      hugepageLimits: [], unified: {}, memorySwapLimitInBytes: '0',
    },
    windows: null,
  };
}

function rootUser(): T.ContainerUser {
  return { linux: { uid: '0', gid: '0', supplementalGroups: ['0'] } };
}

export function criSandbox(s: SandboxEntry): T.PodSandbox {
  return {
    id: s.id, metadata: sandboxMetadata(s), state: s.state, createdAt: String(s.createdAt), labels: { ...s.labels },
    annotations: { ...s.annotations }, runtimeHandler: s.runtimeHandler,
  };
}

function sandboxMetadata(s: SandboxEntry): T.PodSandboxMetadata {
  return { name: s.name, uid: s.uid, namespace: s.namespace, attempt: s.attempt };
}

/** The sandbox's IP: none for host-network pods or once stopped (its network namespace is closed). */
function sandboxIp(s: SandboxEntry): { ip: string; additionalIps: T.PodIP[] } {
  if (s.hostNetwork || s.state !== 'SANDBOX_READY') return { ip: '', additionalIps: [] };
  return { ip: s.ip, additionalIps: s.additionalIps.map((ip) => ({ ip })) };
}

export function criSandboxStatus(s: SandboxEntry): T.PodSandboxStatus {
  const net = s.hostNetwork ? 'NODE' : 'POD';
  return {
    id: s.id, metadata: sandboxMetadata(s), state: s.state, createdAt: String(s.createdAt), network: sandboxIp(s),
    linux: { namespaces: { options: { network: net, pid: 'CONTAINER', ipc: net === 'NODE' ? 'NODE' : 'POD', targetId: '', usernsOptions: null } } },
    labels: { ...s.labels }, annotations: { ...s.annotations }, runtimeHandler: s.runtimeHandler,
  };
}
