// The pod exec and attach talk to (polymorphichelpers.AttachablePodForObjectFn): a pod is itself;
// a workload or service leads to its pods by its selector, the most active first (assigned,
// running, ready, not deleting, ready longest, fewest restarts, oldest); with none yet the
// pods are looked for until --pod-running-timeout.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { collectionPath, objectPath, query } from '../../resource/paths.js';
import { requestJson, typedGet } from '../../resource/request.js';
import type { Klog } from '../../klog.js';

export interface Container { name: string; tty?: boolean; stdin?: boolean }
export interface Pod extends Obj {
  spec?: { nodeName?: string; restartPolicy?: string; containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[] };
  status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[]; containerStatuses?: { restartCount?: number }[] };
}

export const POD_RESOURCE: ApiResource = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, singular: 'pod', shortNames: ['po'], categories: ['all'], verbs: [], preferred: true };

type Requirement = { key: string; operator: string; values?: string[] };
type LabelSelector = { matchLabels?: Record<string, string>; matchExpressions?: Requirement[] };

/** labels.Selector.String() of a LabelSelector: requirements sorted by key. */
export function selectorString(sel: LabelSelector): string {
  const reqs: [string, string][] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    const text = { In: `${e.key} in (${vals})`, NotIn: `${e.key} notin (${vals})`, Exists: e.key, DoesNotExist: `!${e.key}` }[e.operator] ?? e.key;
    reqs.push([e.key, text]);
  }
  return reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t).join(',');
}

const SELECTOR_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Deployment', 'Job']);

/** SelectorsForObject: the object's pod selector, or kubectl's `cannot attach to <type>` error. */
function selectorOf(obj: Obj & { spec?: object }, r: ApiResource): string {
  const typed = !r.group.includes('.') || r.group.endsWith('.k8s.io');
  const type = typed ? `*${r.version}.${obj.kind ?? r.kind}` : '*unstructured.Unstructured';
  const sel = (obj.spec as { selector?: unknown } | undefined)?.selector;
  if (SELECTOR_KINDS.has(obj.kind ?? '') && typed) return selectorString((sel ?? {}) as LabelSelector);
  if (obj.kind === 'ReplicationController') return selectorString({ matchLabels: (sel ?? {}) as Record<string, string> });
  if (obj.kind === 'Service') {
    if (!sel || Object.keys(sel).length === 0) throw new Error(`cannot attach to ${type}: invalid service '${obj.metadata.name ?? ''}': Service is defined without a selector`);
    return selectorString({ matchLabels: sel as Record<string, string> });
  }
  throw new Error(`cannot attach to ${type}: selector for ${type} not implemented`);
}

const ready = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
const PHASE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const time = (s: string | null | undefined) => (s ? Date.parse(s) : 0);
const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));

/** podutils.ActivePods' Less: whether a is less active than b. */
export function lessActive(a: Pod, b: Pod): boolean {
  const [na, nb] = [a.spec?.nodeName ?? '', b.spec?.nodeName ?? ''];
  if (na !== nb && (!na || !nb)) return !na;
  const [pa, pb] = [PHASE[a.status?.phase ?? ''] ?? 0, PHASE[b.status?.phase ?? ''] ?? 0];
  if (pa !== pb) return pa < pb;
  if (Boolean(ready(a)) !== Boolean(ready(b))) return !ready(a);
  const [da, db] = [a.metadata.deletionTimestamp, b.metadata.deletionTimestamp];
  if (Boolean(da) !== Boolean(db)) return Boolean(da);
  if (da && db && time(da) !== time(db)) return time(da) < time(db);
  const [ra, rb] = [ready(a), ready(b)];
  if (ra && rb && time(ra.lastTransitionTime) !== time(rb.lastTransitionTime)) return !time(ra.lastTransitionTime) || time(ra.lastTransitionTime) > time(rb.lastTransitionTime);
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  const [ca, cb] = [time(a.metadata.creationTimestamp), time(b.metadata.creationTimestamp)];
  return ca !== cb && (!ca || ca > cb);
}

const mostActiveFirst = (a: Pod, b: Pod) => (lessActive(b, a) ? -1 : lessActive(a, b) ? 1 : 0);

/** GetFirstPod: the most active pod the selector matches, waiting up to timeoutMs for one. */
async function firstPod(client: RestClient, namespace: string, selector: string, timeoutMs: number): Promise<Pod> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const list = await requestJson<{ items: Pod[] }>(client, 'GET', collectionPath(POD_RESOURCE, namespace) + query({ labelSelector: selector }));
    if (list.items.length) return [...list.items].sort(mostActiveFirst)[0]!;
    if (Date.now() >= until) throw new Error('timed out waiting for the condition');
    await new Promise((res) => setTimeout(res, Math.min(1000, Math.max(0, until - Date.now()))));
  }
}

/** AttachablePodForObjectFn: obj (of resource r) when a pod, else its most active pod. */
export async function podForObject(client: RestClient, obj: Pod, r: ApiResource, namespace: string, timeoutMs: number): Promise<Pod> {
  if (r.resource === 'pods' && !r.group) return obj;
  return firstPod(client, obj.metadata.namespace ?? namespace, selectorOf(obj, r), timeoutMs);
}

/** The pod for r/name (r is pods for a bare POD argument), fetched as the typed resource builder does. */
export async function attachablePod(client: RestClient, r: ApiResource, namespace: string, name: string, timeoutMs: number): Promise<Pod> {
  return podForObject(client, await typedGet<Pod>(client, objectPath(r, namespace, name)), r, namespace, timeoutMs);
}

/** podcmd.AllContainerNames: `a, b, init (init), dbg (ephem)`. */
export function allContainerNames(p: Pod): string {
  const s = p.spec ?? {};
  return [...(s.containers ?? []).map((c) => c.name), ...(s.initContainers ?? []).map((c) => `${c.name} (init)`), ...(s.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`)].join(', ');
}

/** podcmd.FindOrDefaultContainerByName: the named one, the annotated default, or the first (with a note). */
export function findOrDefaultContainer(p: Pod, name: string, quiet: boolean, warn: (t: string) => void, klog?: Klog): Container {
  const s = p.spec ?? {};
  const all = [...(s.containers ?? []), ...(s.initContainers ?? []), ...(s.ephemeralContainers ?? [])];
  if (name) {
    const c = all.find((x) => x.name === name);
    if (!c) throw new Error(`container ${name} not found in pod ${p.metadata.name ?? ''}`);
    return c;
  }
  const first = s.containers?.[0];
  if (!first) throw new Error(`pod ${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''} does not have any containers`);
  const annotated = p.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const byAnnotation = annotated ? all.find((x) => x.name === annotated) : undefined;
  if (byAnnotation) return byAnnotation;
  if (!quiet && all.length > 1) warn(`Defaulted container "${first.name}" out of: ${allContainerNames(p)}\n`);
  klog?.info(4, 'podcmd.go:88', `Defaulting container name to ${first.name}`);
  return first;
}
