// handleSchedulingFailure: put the pod back (unschedulable until a relevant cluster event, or
// backoffQ after an error), record the nomination, write the FailedScheduling event and the
// PodScheduled=False condition with the same message, and the nominated node if it changed.
import { keyOf } from '../client/types.js';
import type { Core } from './core.js';
import { newPodInfo, nodeNameOf } from './pod-info.js';
import { patchPodStatus, setCondition } from './pod-status.js';
import type { QueuedPodInfo } from './queue.js';

/** validation.NoteLengthLimit of events.k8s.io notes. */
const NOTE_LENGTH_LIMIT = 1024;

export interface Failure {
  /** PodScheduled reason: Unschedulable (rejected by plugins) or SchedulerError. */
  reason: 'Unschedulable' | 'SchedulerError';
  message: string;
  unschedulablePlugins?: Set<string>;
  /** '' clears status.nominatedNodeName; undefined leaves it. */
  nominatedNode?: string;
}

export function truncateMessage(m: string): string {
  if (m.length <= NOTE_LENGTH_LIMIT) return m;
  const suffix = ' ...';
  return m.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

export async function handleSchedulingFailure(core: Core, q: QueuedPodInfo, f: Failure, cycle: number): Promise<void> {
  const pod = core.pods.get(q.pi.key);
  if (!pod || pod.metadata.uid !== q.pi.pod.metadata.uid) {
    core.queue.done(q.pi.key);
    core.log(`Pod doesn't exist in informer cache pod="${keyOf(q.pi.pod)}"`);
    return;
  }
  if (nodeNameOf(pod)) {
    core.queue.done(q.pi.key);
    core.log(`Pod has been assigned to node. Abort adding it back to queue. pod="${q.pi.key}" node="${nodeNameOf(pod)}"`);
    return;
  }
  q.pi = newPodInfo(pod);
  q.unschedulablePlugins = f.reason === 'Unschedulable' ? new Set(f.unschedulablePlugins ?? []) : new Set();
  core.queue.addUnschedulable(q, cycle);
  if (f.nominatedNode !== undefined) core.nominator.nominate(q.pi, f.nominatedNode);
  core.recorder.event(pod, 'Warning', 'FailedScheduling', truncateMessage(f.message), 'Scheduling');
  const conditions = setCondition(pod, { type: 'PodScheduled', status: 'False', reason: f.reason, message: f.message }, core.now());
  const current = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName ?? '';
  const nominate = f.nominatedNode !== undefined && f.nominatedNode !== current;
  if (!conditions && !nominate) return;
  const status: Record<string, unknown> = {};
  if (conditions) status.conditions = conditions;
  if (nominate) status.nominatedNodeName = f.nominatedNode || null;
  try {
    await patchPodStatus(core.client, pod, status);
  } catch (err) {
    core.log(`Error updating pod ${q.pi.key}: ${(err as Error).message}`);
  }
}
