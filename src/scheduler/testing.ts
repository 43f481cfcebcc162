// Builders for the scheduler's tests: nodes and pods as JSON, NodeInfo/PodInfo from them, a Handle
// over a fixed node list, and a Scheduler over fakeEnv() with an events.k8s.io recorder.
import type { Obj } from '../client/types.js';
import { EventsV1Recorder } from '../controllers/framework/events.js';
import { fakeEnv, type FakeEnv } from '../controllers/framework/testing.js';
import { emptyLister, type Handle, type Lister } from './handle.js';
import { NodeInfo } from './node-info.js';
import { newPodInfo, type PodInfo } from './pod-info.js';
import { DEFAULT_SCHEDULER_NAME } from './profile.js';
import { Scheduler } from './scheduler.js';
import type { Taint } from './selectors.js';
import { CycleState, type FilterPlugin, type PreFilterPlugin, type Status } from './types.js';

export interface NodeSpec {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  extra?: Record<string, string>;
}

export function makeNode(name: string, s: NodeSpec = {}): Obj {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(s.labels ?? {}) } },
    spec: { ...(s.taints ? { taints: s.taints } : {}), ...(s.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: { cpu: s.cpu ?? '4', memory: s.memory ?? '8Gi', pods: s.pods ?? '110', ...(s.extra ?? {}) } },
  };
}

export interface PodSpecOpts {
  ns?: string;
  cpu?: string;
  memory?: string;
  priority?: number;
  labels?: Record<string, string>;
  nodeName?: string;
  spec?: Record<string, unknown>;
  uid?: string;
  status?: Record<string, unknown>;
  requests?: Record<string, string>;
}

export function makePod(name: string, o: PodSpecOpts = {}): Obj {
  const requests: Record<string, string> = { ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}), ...(o.requests ?? {}) };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: o.ns ?? 'default', ...(o.uid ? { uid: o.uid } : {}), ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      schedulerName: DEFAULT_SCHEDULER_NAME,
      containers: [{ name: 'c', image: 'nginx', ...(Object.keys(requests).length ? { resources: { requests } } : {}) }],
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.spec ?? {}),
    },
    ...(o.status ? { status: o.status } : {}),
  };
}

/** A pod with a uid, as PodInfo. */
export const podInfo = (name: string, o: PodSpecOpts = {}): PodInfo => newPodInfo(makePod(name, { uid: `uid-${name}`, ...o }));

/** A NodeInfo holding the given pods. */
export function nodeInfo(node: Obj, pods: PodInfo[] = []): NodeInfo {
  const n = new NodeInfo(node.metadata.name ?? '', node);
  for (const p of pods) n.addPod(p);
  return n;
}

export function fixedHandle(nodes: NodeInfo[], listers: Partial<Handle['listers']> = {}, nsLabels: Record<string, Record<string, string>> = {}): Handle {
  const l = (x?: Lister) => x ?? emptyLister;
  return {
    nodes: () => nodes,
    node: (name) => nodes.find((n) => n.name === name),
    havePodsWithAffinity: () => nodes.filter((n) => n.podsWithAffinity.length > 0),
    havePodsWithRequiredAntiAffinity: () => nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0),
    namespaceLabels: (ns) => nsLabels[ns],
    listers: {
      pvcs: l(listers.pvcs), pvs: l(listers.pvs), storageClasses: l(listers.storageClasses), services: l(listers.services),
      replicationControllers: l(listers.replicationControllers), replicaSets: l(listers.replicaSets), statefulSets: l(listers.statefulSets),
      pdbs: l(listers.pdbs), namespaces: l(listers.namespaces),
    },
  };
}

/** A Lister over fixed objects. */
export function listerOf(objs: Obj[]): Lister {
  const key = (o: Obj) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : (o.metadata.name ?? ''));
  return { get: (k) => objs.find((o) => key(o) === k), list: (ns) => (ns === undefined ? objs : objs.filter((o) => o.metadata.namespace === ns)) };
}

/** Runs a plugin's PreFilter (if any) then Filter, as the framework does for one node. */
export function runFilter(pl: FilterPlugin & Partial<PreFilterPlugin>, pod: PodInfo, node: NodeInfo): Status | null {
  const state = new CycleState();
  const pre = pl.preFilter?.(state, pod);
  if (pre?.status?.code === 'Skip') return null;
  if (pre?.status) return pre.status;
  return pl.filter(state, pod, node);
}

export interface SchedulerEnv extends FakeEnv {
  scheduler: Scheduler;
}

/** A Scheduler over fakeEnv(), recording events.k8s.io Events as default-scheduler. */
export function schedulerEnv(random: () => number = () => 0): SchedulerEnv {
  const env = fakeEnv();
  const recorder = new EventsV1Recorder(env.fake, { component: DEFAULT_SCHEDULER_NAME, now: env.clock.now });
  env.ctx.recorder = recorder;
  const scheduler = new Scheduler({ ...env.ctx, random, timers: env.clock });
  return { ...env, scheduler };
}
