// The list filters containerd applies itself (§7): ID and pod ID by unique prefix, state, labels.
import type * as T from '../../client/cri/types.js';
import { filterId } from './resolve.js';
import type { ContainerEntry, SandboxEntry } from './state.js';

const labelsMatch = (labels: Record<string, string>, selector: Record<string, string>): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

export function filterContainers(all: ContainerEntry[], sandboxes: SandboxEntry[], f: T.ContainerFilter | null): ContainerEntry[] {
  if (!f) return all;
  const id = f.id ? filterId(all, f.id) : '';
  const pod = f.podSandboxId ? filterId(sandboxes, f.podSandboxId) : '';
  return all.filter((c) =>
    (!id || c.id === id) && (!pod || c.sandboxId === pod) && (!f.state || c.state === f.state.state) && labelsMatch(c.labels, f.labelSelector ?? {}));
}

export function filterSandboxes(all: SandboxEntry[], f: T.PodSandboxFilter | null): SandboxEntry[] {
  if (!f) return all;
  const id = f.id ? filterId(all, f.id) : '';
  return all.filter((s) => (!id || s.id === id) && (!f.state || s.state === f.state.state) && labelsMatch(s.labels, f.labelSelector ?? {}));
}

export function filterStatsContainers(all: ContainerEntry[], sandboxes: SandboxEntry[], f: T.ContainerStatsFilter | null): ContainerEntry[] {
  const running = all.filter((c) => c.state === 'CONTAINER_RUNNING');
  return filterContainers(running, sandboxes, f ? { id: f.id, podSandboxId: f.podSandboxId, labelSelector: f.labelSelector, state: null } : null);
}
