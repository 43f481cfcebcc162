// --profile: what each debugging profile (legacy, general, baseline, restricted, netadmin,
// sysadmin) changes in the pod debug made, by the kind of debugging (an ephemeral container, a
// copy of the pod, a pod on a node), as kubectl's profiles.go does; the --keep-* flags decide
// what a copy keeps.
import { findContainer, type DebugContainer, type DebugPod, type SecurityContext } from './pod.js';

export type DebugStyle = 'ephemeral' | 'podCopy' | 'node';

export interface KeepFlags {
  labels: boolean;
  annotations: boolean;
  liveness: boolean;
  readiness: boolean;
  startup: boolean;
  initContainers: boolean;
}

export type ProfileApplier = (pod: DebugPod, containerName: string, style: DebugStyle) => void;

function removeKept(p: DebugPod, k: KeepFlags): void {
  if (!k.labels) delete p.metadata.labels;
  if (!k.annotations) delete p.metadata.annotations;
  for (const c of p.spec.containers) {
    if (!k.liveness) delete c.livenessProbe;
    if (!k.readiness) delete c.readinessProbe;
    if (!k.startup) delete c.startupProbe;
  }
  if (!k.initContainers) delete p.spec.initContainers;
}

/** mountRootPartition: the host's / as volume host-root, mounted at /host (regular containers only). */
function mountRootPartition(p: DebugPod, name: string): void {
  p.spec.volumes = [...(p.spec.volumes ?? []), { name: 'host-root', hostPath: { path: '/' } }];
  const c = p.spec.containers.find((x) => x.name === name);
  if (c) c.volumeMounts = [...(c.volumeMounts ?? []), { name: 'host-root', mountPath: '/host' }];
}

function useHostNamespaces(p: DebugPod): void {
  Object.assign(p.spec, { hostNetwork: true, hostPID: true, hostIPC: true });
}

function shareProcessNamespace(p: DebugPod): void {
  p.spec.shareProcessNamespace ??= true;
}

/** The named container's securityContext (created when absent), or nothing when no container has the name. */
function withContext(p: DebugPod, name: string, fn: (sc: SecurityContext, c: DebugContainer) => void): void {
  const c = findContainer(p, name);
  if (c) fn((c.securityContext ??= {}), c);
}

function clearSecurityContext(p: DebugPod, name: string): void {
  const c = findContainer(p, name);
  if (c) delete c.securityContext;
}

function addCapabilities(p: DebugPod, name: string, ...caps: string[]): void {
  withContext(p, name, (sc) => {
    sc.capabilities ??= {};
    sc.capabilities.add = [...(sc.capabilities.add ?? []), ...caps];
  });
}

function restrict(p: DebugPod, name: string): void {
  clearSecurityContext(p, name);
  withContext(p, name, (sc) => {
    sc.runAsNonRoot = true;
    sc.capabilities = { ...(sc.capabilities ?? {}), drop: ['ALL'] };
    delete sc.capabilities.add;
    sc.allowPrivilegeEscalation = false;
    sc.seccompProfile = { type: 'RuntimeDefault' };
  });
}

const legacy = (k: KeepFlags): ProfileApplier => (p, name, style) => {
  if (style === 'node') {
    mountRootPartition(p, name);
    useHostNamespaces(p);
  } else if (style === 'podCopy') {
    // The legacy profile drops the labels whatever --keep-labels says.
    removeKept(p, { ...k, labels: false, annotations: true, liveness: true, readiness: true, startup: true, initContainers: true });
  }
};

const general = (k: KeepFlags): ProfileApplier => (p, name, style) => {
  if (style === 'node') {
    mountRootPartition(p, name);
    clearSecurityContext(p, name);
    useHostNamespaces(p);
    return;
  }
  if (style === 'podCopy') removeKept(p, k);
  addCapabilities(p, name, 'SYS_PTRACE');
  if (style === 'podCopy') shareProcessNamespace(p);
};

/** baseline and restricted: the security context first, then a copy's removals. */
const confined = (k: KeepFlags, secure: (p: DebugPod, name: string) => void): ProfileApplier => (p, name, style) => {
  secure(p, name);
  if (style !== 'podCopy') return;
  removeKept(p, k);
  shareProcessNamespace(p);
};

const netadmin = (k: KeepFlags): ProfileApplier => (p, name, style) => {
  addCapabilities(p, name, 'NET_ADMIN', 'NET_RAW');
  if (style === 'node') useHostNamespaces(p);
  if (style !== 'podCopy') return;
  removeKept(p, k);
  shareProcessNamespace(p);
};

const sysadmin = (k: KeepFlags): ProfileApplier => (p, name, style) => {
  withContext(p, name, (sc) => { sc.privileged = true; });
  if (style === 'node') {
    useHostNamespaces(p);
    mountRootPartition(p, name);
  } else if (style === 'podCopy') {
    removeKept(p, k);
    shareProcessNamespace(p);
  }
};

const PROFILES: Record<string, (k: KeepFlags) => ProfileApplier> = {
  legacy,
  general,
  baseline: (k) => confined(k, clearSecurityContext),
  restricted: (k) => confined(k, restrict),
  netadmin,
  sysadmin,
};

/** NewProfileApplier. */
export function profileApplier(profile: string, k: KeepFlags): ProfileApplier {
  const make = Object.hasOwn(PROFILES, profile) ? PROFILES[profile] : undefined;
  if (!make) throw new Error(`unknown profile: ${profile}`);
  return make(k);
}
