// What one DaemonSet sync works with, and its pods grouped by the node they are for.
import type { Client, Obj } from '../../client/types.js';
import type { EventRecorder } from '../framework/events.js';
import type { Informer } from '../framework/informer.js';
import { controllerOf } from '../framework/pods.js';
import type { Expectations } from '../job/expectations.js';
import type { ControllerRevision } from '../statefulset/history.js';
import { targetNodeName } from './scheduling.js';
import type { FailedPodsBackoff } from './backoff.js';
import type { DaemonSet, Node, PodSpecLike } from './types.js';

export interface DsPod extends Obj {
  spec?: PodSpecLike;
  status?: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
}

export interface DsDeps {
  client: Client;
  recorder: EventRecorder;
  now: () => number;
  pods: Informer<DsPod>;
  nodes: Informer<Node>;
  revisions: Informer<ControllerRevision>;
  expectations: Expectations;
  backoff: FailedPodsBackoff;
}

export interface DsSync {
  key: string;
  ds: DaemonSet;
  nodes: Node[];
  hash: string;
  requeueAfter?: number;
}

export function requeue(s: DsSync, ms: number): void {
  s.requeueAfter = s.requeueAfter === undefined ? ms : Math.min(s.requeueAfter, ms);
}

const terminal = (p: DsPod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** getNodesToDaemonPods: the DaemonSet's pods by target node; deleted terminal pods only if asked. */
export function nodeToDaemonPods(d: DsDeps, ds: DaemonSet, includeDeletedTerminal = false): Map<string, DsPod[]> {
  const out = new Map<string, DsPod[]>();
  for (const p of d.pods.list(ds.metadata.namespace ?? '')) {
    if (controllerOf(p)?.uid !== ds.metadata.uid) continue;
    if (!includeDeletedTerminal && p.metadata.deletionTimestamp && terminal(p)) continue;
    const node = targetNodeName(p.spec);
    if (node === undefined) continue;
    out.set(node, [...(out.get(node) ?? []), p]);
  }
  return out;
}

/** podByCreationTimestampAndPhase: scheduled pods first, then oldest, then by name. */
export function byCreation(a: DsPod, b: DsPod): number {
  const sa = a.spec?.nodeName ? 0 : 1;
  const sb = b.spec?.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  return ta - tb || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}
