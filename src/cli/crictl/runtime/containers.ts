// ListContainers and getContainersList (cmd/crictl/container.go): the runtime filters by id, pod,
// state and labels; crictl then applies the name/namespace regexps, sorts newest first and keeps
// the latest/last n.
import type { CriClient } from '../../../client/cri/client.js';
import type { Container, ContainerStateValue } from '../../../client/cri/types.js';
import { StdLogFatal, wrapError } from '../errors.js';
import { matchesRegex } from '../format/table.js';

export interface ContainerListOptions {
  id?: string;
  podId?: string;
  nameRegexp?: string;
  podNamespaceRegexp?: string;
  state?: string;
  all?: boolean;
  latest?: boolean;
  last?: number;
  labels?: Record<string, string>;
}

const STATES: Record<string, string> = {
  created: 'CONTAINER_CREATED',
  running: 'CONTAINER_RUNNING',
  exited: 'CONTAINER_EXITED',
  unknown: 'CONTAINER_UNKNOWN',
};

function stateFilter(opts: ContainerListOptions): ContainerStateValue | null {
  let state: ContainerStateValue | null = null;
  if (!opts.all && !opts.state) state = { state: 'CONTAINER_RUNNING' } as ContainerStateValue;
  if (opts.state) {
    const name = STATES[opts.state.toLowerCase()];
    if (name === undefined) throw new StdLogFatal('--state should be one of created, running, exited or unknown');
    state = { state: name } as ContainerStateValue;
  }
  if (opts.latest || (opts.last ?? 0) > 0) state = null;
  return state;
}

export function podNamespaceOf(labels: Record<string, string> | null | undefined): string {
  return labels?.['io.kubernetes.pod.namespace'] ?? 'unknown';
}

export function podNameOf(labels: Record<string, string> | null | undefined): string {
  return labels?.['io.kubernetes.pod.name'] ?? 'unknown';
}

/** Newest first (createdAt is an int64 string). */
export function byCreatedDesc<T extends { createdAt: string }>(a: T, b: T): number {
  const x = BigInt(a.createdAt || '0');
  const y = BigInt(b.createdAt || '0');
  return x > y ? -1 : x < y ? 1 : 0;
}

/** Sorts newest first and keeps 1 (latest) or n (last). */
export function keepNewest<T extends { createdAt: string }>(items: T[], latest: boolean, last: number): T[] {
  const sorted = [...items].sort(byCreatedDesc);
  let n = sorted.length;
  if (latest) n = 1;
  if (last > 0) n = last;
  return sorted.slice(0, Math.min(n, sorted.length));
}

export async function listContainers(client: CriClient, opts: ContainerListOptions): Promise<Container[]> {
  const filter = {
    id: opts.id ?? '',
    podSandboxId: opts.podId ?? '',
    state: stateFilter(opts),
    labelSelector: opts.labels ?? {},
  };
  let res: { containers: Container[] };
  try {
    res = await client.listContainers({ filter } as never);
  } catch (err) {
    throw wrapError('call list containers RPC', err);
  }
  const matching = res.containers.filter(
    (c) => c.metadata !== null && matchesRegex(opts.nameRegexp ?? '', c.metadata.name) && matchesRegex(opts.podNamespaceRegexp ?? '', podNamespaceOf(c.labels)),
  );
  return keepNewest(matching, opts.latest === true, opts.last ?? 0);
}

/** parseLabelStringSlice. */
export function parseLabels(ss: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const s of ss) {
    const pair = s.split('=');
    if (pair.length !== 2) throw new Error(`incorrectly specified label: ${s}`);
    labels[pair[0]!] = pair[1]!;
  }
  return labels;
}
