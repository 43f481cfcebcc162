// ListPodSandboxes and getSandboxesList (cmd/crictl/sandbox.go).
import type { CriClient } from '../../../client/cri/client.js';
import type { PodSandbox, PodSandboxStateValue } from '../../../client/cri/types.js';
import { StdLogFatal, wrapError } from '../errors.js';
import { matchesRegex } from '../format/table.js';
import { keepNewest } from './containers.js';

export interface SandboxListOptions {
  id?: string;
  nameRegexp?: string;
  podNamespaceRegexp?: string;
  state?: string;
  latest?: boolean;
  last?: number;
  labels?: Record<string, string>;
}

function stateFilter(state: string | undefined): PodSandboxStateValue | null {
  if (!state) return null;
  const lower = state.toLowerCase();
  if (lower === 'ready') return { state: 'SANDBOX_READY' } as PodSandboxStateValue;
  if (lower === 'notready') return { state: 'SANDBOX_NOTREADY' } as PodSandboxStateValue;
  throw new StdLogFatal('--state should be ready or notready');
}

export async function listSandboxes(client: CriClient, opts: SandboxListOptions): Promise<PodSandbox[]> {
  const filter = { id: opts.id ?? '', state: stateFilter(opts.state), labelSelector: opts.labels ?? {} };
  let items: PodSandbox[];
  try {
    items = (await client.listPodSandbox({ filter })).items;
  } catch (err) {
    throw wrapError('call list sandboxes RPC', err);
  }
  const matching = items.filter(
    (p) => p.metadata !== null && matchesRegex(opts.nameRegexp ?? '', p.metadata.name) && matchesRegex(opts.podNamespaceRegexp ?? '', p.metadata.namespace),
  );
  return keepNewest(matching, opts.latest === true, opts.last ?? 0);
}

export function podStateText(state: string): string {
  return state === 'SANDBOX_READY' ? 'Ready' : 'NotReady';
}

export function runtimeHandlerText(p: PodSandbox): string {
  return p.runtimeHandler === '' ? '(default)' : p.runtimeHandler;
}
