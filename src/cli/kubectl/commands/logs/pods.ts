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

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key. */
function labelSelectorString(sel: LabelSelector | undefined): string {
  const reqs: [string, string][] = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  return reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t).join(',');
}

/** labels.SelectorFromSet(...).String() */
const setSelectorString = (set: Record<string, string>): string => labelSelectorString({ matchLabels: set });

/** %T of the typed object kubectl decoded (`*v1.CronJob`); a kind it has no type for stays unstructured. */
function goTypeName(r: ApiResource): string {
  const builtIn = !r.group.includes('.') || r.group.endsWith('.k8s.io');
  return builtIn ? `*${r.version}.${r.kind}` : '*unstructured.Unstructured';
}

const BY_LABEL_SELECTOR = new Set(['apps/ReplicaSet', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/Deployment', 'batch/Job', 'extensions/ReplicaSet', 'extensions/DaemonSet', 'extensions/Deployment']);

/** SelectorsForObject: the pods a workload or service stands for; other kinds have no selector. */
function selectorFor(r: ApiResource, owner: Obj & { spec?: { selector?: unknown } }): string {
  const fail = (why: string): never => { throw new Error(`cannot get the logs from ${goTypeName(r)}: ${why}`); };
  const kind = `${r.group}/${r.kind}`;
  const sel = owner.spec?.selector;
  if (BY_LABEL_SELECTOR.has(kind)) return labelSelectorString(sel as LabelSelector | undefined);
  if (kind === '/ReplicationController') return setSelectorString((sel ?? {}) as Record<string, string>);
  if (kind === '/Service') {
    const set = (sel ?? {}) as Record<string, string>;
    if (Object.keys(set).length === 0) fail(`invalid service '${owner.metadata.name ?? ''}': Service is defined without a selector`);
    return setSelectorString(set);
  }
  return fail(`selector for ${goTypeName(r)} not implemented`);
}

export async function podsBySelector(client: RestClient, namespace: string, selector: string): Promise<Pod[]> {
  const list = await requestJson<{ items: Pod[] }>(client, 'GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query({ labelSelector: selector })}`);
  return list.items;
}

/**
 * The pod behind TYPE/NAME, and the stderr note when several matched; with --all-pods, every
 * pod the selector matches (listed again, in ByLogging order), without the note.
 */
export async function podFor(client: RestClient, r: ApiResource, namespace: string, name: string, allPods = false): Promise<{ pods: Pod[]; note: string }> {
  if (r.resource === 'pods') {
    return { pods: [await typedGet<Pod>(client, objectPath(r, namespace, name))], note: '' };
  }
  const owner = await typedGet<Obj & { spec?: { selector?: unknown } }>(client, objectPath(r, namespace, name));
  const selector = selectorFor(r, owner);
  const pods = (await podsBySelector(client, namespace, selector)).sort(byLogging);
  if (pods.length === 0) throw new Error(`timed out waiting for the condition`);
  const pod = pods[0]!;
  if (pods.length > 1 && allPods) return { pods: (await podsBySelector(client, namespace, selector)).sort(byLogging), note: '' };
  return { pods: [pod], note: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pod.metadata.name ?? ''}\n` : '' };
}
