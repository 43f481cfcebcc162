// One pod's attempt (schedule_one.go): the scheduling cycle — skip pods being deleted or already
// assumed, run the algorithm, on a fit assume the pod onto the node at once; on a FitError run
// preemption and report the failure — then the binding cycle: PreBind (volumes), the Binding
// subresource, the Scheduled event; a failed binding forgets the assumed pod and requeues it.
import { REFS } from '../client/refs.js';
import type { Core, ScheduleOutcome } from './core.js';
import { fitErrorMessage } from './diagnosis.js';
import { handleSchedulingFailure } from './failure.js';
import { newPodInfo, withNodeName, type PodInfo } from './pod-info.js';
import { preempt, type PreemptionOutcome } from './preemption.js';
import { bindPodVolumes } from './plugins/volume-binding.js';
import type { ClusterEvent, QueuedPodInfo } from './queue.js';
import { CycleState } from './types.js';

export const ASSIGNED_POD_DELETE: ClusterEvent = {
  label: 'AssignedPodDelete',
  plugins: new Set(['NodeResourcesFit', 'NodePorts', 'InterPodAffinity', 'PodTopologySpread', 'VolumeBinding']),
};

export type CycleResult = { outcome: ScheduleOutcome } | { bind: () => Promise<ScheduleOutcome> };

const errMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function bindFailure(core: Core, q: QueuedPodInfo, message: string, cycle: number): Promise<ScheduleOutcome> {
  core.cache.forgetPod(q.pi.uid);
  core.queue.onEvent(ASSIGNED_POD_DELETE);
  await handleSchedulingFailure(core, q, { reason: 'SchedulerError', message, nominatedNode: '' }, cycle);
  return 'unschedulable';
}

async function bindingCycle(core: Core, q: QueuedPodInfo, assumed: PodInfo, node: string, state: CycleState, cycle: number): Promise<ScheduleOutcome> {
  try {
    await bindPodVolumes(state, node, core.client);
  } catch (err) {
    return bindFailure(core, q, `running PreBind plugin "VolumeBinding": ${errMessage(err)}`, cycle);
  }
  const { namespace: ns, name, uid } = assumed;
  const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns, uid }, target: { apiVersion: 'v1', kind: 'Node', name: node } };
  try {
    await core.client.create(REFS.pods, ns, binding, { subresource: 'binding', name });
  } catch (err) {
    return bindFailure(core, q, `running Bind plugin "DefaultBinder": ${errMessage(err)}`, cycle);
  }
  core.recorder.event(assumed.pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`, 'Binding');
  return 'bound';
}

async function postFilter(core: Core, state: CycleState, pi: PodInfo, diag: Parameters<typeof preempt>[3]): Promise<PreemptionOutcome> {
  const deps = { fw: core.fw, client: core.client, recorder: core.recorder, random: core.random, now: core.now, schedulerName: core.schedulerName, log: core.log };
  try {
    return await preempt(deps, state, pi, diag);
  } catch (err) {
    return { message: `preemption: ${errMessage(err)}` };
  }
}

/** The scheduling cycle of a popped pod; a fit hands back the binding cycle to run. */
export async function schedulingCycle(core: Core, q: QueuedPodInfo): Promise<CycleResult> {
  const cycle = core.queue.schedulingCycle;
  const pod = core.pods.get(q.pi.key);
  if (!pod || pod.metadata.deletionTimestamp || core.cache.has(pod.metadata.uid ?? '')) {
    core.queue.done(q.pi.key);
    return { outcome: 'skipped' };
  }
  if (pod.metadata.resourceVersion !== q.pi.pod.metadata.resourceVersion) q.pi = newPodInfo(pod);
  const state = new CycleState();
  const r = core.algorithm.schedulePod(state, q.pi);
  if (r.kind === 'fit') {
    const assumed = withNodeName(q.pi, r.node);
    core.cache.assumePod(assumed, r.node);
    core.nominator.remove(q.pi.uid);
    core.queue.done(q.pi.key);
    return { bind: () => bindingCycle(core, q, assumed, r.node, state, cycle) };
  }
  if (r.kind === 'error') {
    const f = { reason: r.unschedulable ? 'Unschedulable' as const : 'SchedulerError' as const, message: r.message, ...(r.unschedulable ? { nominatedNode: '' } : {}) };
    await handleSchedulingFailure(core, q, f, cycle);
    return { outcome: 'unschedulable' };
  }
  const post = await postFilter(core, state, q.pi, r.diagnosis);
  r.diagnosis.postFilterMsg = post.message;
  await handleSchedulingFailure(core, q, {
    reason: 'Unschedulable', message: fitErrorMessage(r.numAllNodes, r.diagnosis),
    unschedulablePlugins: r.diagnosis.unschedulablePlugins, ...(post.nominatedNode !== undefined ? { nominatedNode: post.nominatedNode } : {}),
  }, cycle);
  return { outcome: 'unschedulable' };
}
