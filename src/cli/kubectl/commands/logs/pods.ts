// Which pod `logs TYPE/NAME` reads: the object's own pod, or the pods its selector matches,
// the first by kubectl's ByLogging order (assigned, running, ready, ready longest, fewest
// restarts, oldest), with "Found N pods, using pod/x" when there was a choice.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { objectPath, query } from '../../resource/paths.js';
import { requestJson, typedGet } from '../../resource/request.js';

export interface Container { name: string }
export interface PodStatusCond { type: string; status: string; lastTransitionTime?: string }
export interface Pod extends Obj {
  spec?: { nodeName?: string; containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[] };
  status?: { phase?: string; conditions?: PodStatusCond[]; containerStatuses?: { restartCount?: number }[] };
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function readyCond(p: Pod): PodStatusCond | undefined {
  return p.status?.conditions?.find((c) => c.type === 'Ready');
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

function time(s: string | null | undefined): number {
  return s ? Date.parse(s) : Number.POSITIVE_INFINITY;
}

/** ByLogging: negative when a is the better pod to read. */
export function byLogging(a: Pod, b: Pod): number {
  const assigned = Number(!a.spec?.nodeName) - Number(!b.spec?.nodeName);
  if (assigned !== 0) return assigned;
  const phase = (PHASE_RANK[a.status?.phase ?? ''] ?? 3) - (PHASE_RANK[b.status?.phase ?? ''] ?? 3);
  if (phase !== 0) return phase;
  const ra = readyCond(a)?.status === 'True';
  const rb = readyCond(b)?.status === 'True';
  if (ra !== rb) return ra ? -1 : 1;
  if (ra && rb) {
    const since = time(readyCond(a)?.lastTransitionTime) - time(readyCond(b)?.lastTransitionTime);
    if (since !== 0 && !Number.isNaN(since)) return since;
  }
  const r = restarts(a) - restarts(b);
  if (r !== 0) return r;
  return time(a.metadata.creationTimestamp) - time(b.metadata.creationTimestamp);
}

function selectorString(sel: { matchLabels?: Record<string, string> } | Record<string, string> | undefined): string {
  if (!sel) return '';
  const labels = 'matchLabels' in sel && typeof sel.matchLabels === 'object' ? sel.matchLabels : (sel as Record<string, string>);
  return Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
}

export async function podsBySelector(client: RestClient, namespace: string, selector: string): Promise<Pod[]> {
  const list = await requestJson<{ items: Pod[] }>(client, 'GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query({ labelSelector: selector })}`);
  return list.items;
}

/** The pod behind TYPE/NAME, and the stderr note when several matched. */
export async function podFor(client: RestClient, r: ApiResource, namespace: string, name: string): Promise<{ pod: Pod; note: string }> {
  if (r.resource === 'pods') {
    return { pod: await typedGet<Pod>(client, objectPath(r, namespace, name)), note: '' };
  }
  const owner = await typedGet<Obj & { spec?: { selector?: Record<string, string> } }>(client, objectPath(r, namespace, name));
  const selector = selectorString(owner.spec?.selector);
  const pods = (await podsBySelector(client, namespace, selector)).sort(byLogging);
  if (pods.length === 0) throw new Error(`timed out waiting for the condition`);
  const pod = pods[0]!;
  return { pod, note: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pod.metadata.name ?? ''}\n` : '' };
}


