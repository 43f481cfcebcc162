// eventhandlers.go: assigned pods feed the cache, pending pods this scheduler is responsible for
// feed the queue (and the nominator), and node, pod and volume changes wake the unschedulable pods
// whose rejecting plugins those changes may satisfy.
import type { Obj } from '../client/types.js';
import type { Informer } from '../controllers/framework/informer.js';
import type { SchedulerCache } from './cache.js';
import { ASSIGNED_POD_DELETE } from './cycle.js';
import type { Nominator } from './nominator.js';
import { isTerminal, newPodInfo, nodeNameOf, specOf } from './pod-info.js';
import type { ClusterEvent, SchedulingQueue } from './queue.js';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

export const EVENTS = {
  nodeAdd: { label: 'NodeAdd', plugins: 'all' },
  nodeUpdate: { label: 'NodeUpdate', plugins: 'all' },
  assignedPodAdd: { label: 'AssignedPodAdd', plugins: set('InterPodAffinity', 'PodTopologySpread') },
  assignedPodUpdate: { label: 'AssignedPodUpdate', plugins: set('InterPodAffinity', 'PodTopologySpread', 'NodeResourcesFit') },
  assignedPodDelete: ASSIGNED_POD_DELETE,
  volumeChange: { label: 'VolumeChange', plugins: set('VolumeBinding') },
} satisfies Record<string, ClusterEvent>;

export interface HandlerDeps {
  cache: SchedulerCache;
  queue: SchedulingQueue;
  nominator: Nominator;
  schedulerName: string;
}

const nominatedNodeOf = (pod: Obj): string => (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName ?? '';

/** Node changes that may let a pod fit: labels, taints, cordoning, allocatable. */
function nodeChanged(a: Obj, b: Obj): boolean {
  const view = (n: Obj) => JSON.stringify([n.metadata.labels, n.spec, (n.status as { allocatable?: unknown } | undefined)?.allocatable]);
  return view(a) !== view(b);
}

/** Assigned pods go to the cache (and wake pods an affinity or spread may now allow). */
function assignedPods(d: HandlerDeps) {
  const add = (p: Obj, ev: ClusterEvent) => {
    d.nominator.remove(p.metadata.uid ?? '');
    d.cache.addPod(p);
    d.queue.onEvent(ev);
  };
  const remove = (p: Obj) => {
    d.cache.removePod(p);
    d.queue.onEvent(EVENTS.assignedPodDelete);
  };
  return { add, remove };
}

/** Pending pods the scheduler is responsible for go to the queue, nominated ones to the nominator. */
function pendingPods(d: HandlerDeps) {
  const nominate = (p: Obj) => {
    const nnn = nominatedNodeOf(p);
    if (nnn) d.nominator.nominate(newPodInfo(p), nnn);
    else d.nominator.remove(p.metadata.uid ?? '');
  };
  return {
    add: (p: Obj) => { d.queue.add(p); nominate(p); },
    update: (old: Obj, p: Obj) => { d.queue.update(old, p); nominate(p); },
    remove: (p: Obj) => { d.queue.delete(p); d.nominator.remove(p.metadata.uid ?? ''); },
  };
}

export function wirePodHandlers(pods: Informer, d: HandlerDeps): void {
  const responsible = (p: Obj) => (specOf(p).schedulerName || 'default-scheduler') === d.schedulerName;
  const assigned = (p: Obj) => nodeNameOf(p) !== '';
  const cache = assignedPods(d);
  const queue = pendingPods(d);
  pods.on({
    add(p) {
      if (!assigned(p)) return responsible(p) && !isTerminal(p) ? queue.add(p) : undefined;
      if (!isTerminal(p)) cache.add(p, EVENTS.assignedPodAdd);
    },
    update(old, p) {
      if (!assigned(p)) {
        if (!responsible(p)) return;
        return isTerminal(p) ? queue.remove(p) : queue.update(old, p);
      }
      if (isTerminal(p)) return cache.remove(p);
      if (!assigned(old)) d.queue.delete(old);
      cache.add(p, assigned(old) ? EVENTS.assignedPodUpdate : EVENTS.assignedPodAdd);
    },
    delete(p) {
      if (assigned(p)) cache.remove(p);
      else queue.remove(p);
    },
  });
}

export function wireNodeHandlers(nodes: Informer, d: HandlerDeps): void {
  nodes.on({
    add(n) {
      d.cache.addNode(n);
      d.queue.onEvent(EVENTS.nodeAdd);
    },
    update(old, n) {
      d.cache.addNode(n);
      if (nodeChanged(old, n)) d.queue.onEvent(EVENTS.nodeUpdate);
    },
    delete(n) {
      d.cache.removeNode(n.metadata.name ?? '');
    },
  });
}

/** PVC, PV and StorageClass adds and updates can unblock VolumeBinding. */
export function wireVolumeHandlers(informers: Informer[], d: HandlerDeps): void {
  for (const inf of informers) {
    inf.on({ add: () => d.queue.onEvent(EVENTS.volumeChange), update: () => d.queue.onEvent(EVENTS.volumeChange) });
  }
}
