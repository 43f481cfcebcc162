// DefaultPreemption (PostFilter): when a pod fits nowhere, find nodes where evicting lower-priority
// pods would make room (only nodes rejected as Unschedulable, not UnschedulableAndUnresolvable), dry
// run from a random offset until enough candidates are found, pick one, mark the victims
// DisruptionTarget, delete them, and nominate the node for the preemptor.
import type { Client, Obj } from '../client/types.js';
import { isNotFound } from '../client/types.js';
import { REFS } from '../client/refs.js';
import type { EventRecorder } from '../controllers/framework/events.js';
import type { Framework } from './framework.js';
import { Diagnosis, fitErrorMessage } from './diagnosis.js';
import type { PodInfo } from './pod-info.js';
import { patchPodStatus, setCondition, type PodCondition } from './pod-status.js';
import { pickOneNode, selectVictimsOnNode, type Candidate } from './victims.js';
import type { CycleState, Status } from './types.js';

const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export interface PreemptionOutcome {
  /** The node to nominate ('' clears the nomination); undefined leaves it as it is. */
  nominatedNode?: string;
  /** The PostFilter message ("preemption: …"); empty on success. */
  message: string;
}

export interface PreemptionDeps {
  fw: Framework;
  client: Client;
  recorder: EventRecorder;
  random: () => number;
  now: () => number;
  schedulerName: string;
  log: (msg: string) => void;
}

function terminatingByPreemption(p: Obj): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  const c = ((p.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? []).find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/** PodEligibleToPreemptOthers: the reason it is not, or undefined. */
function notEligible(d: PreemptionDeps, pod: PodInfo, diag: Diagnosis): string | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nnn = (pod.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  if (!nnn || diag.statusOf(nnn).code === 'UnschedulableAndUnresolvable') return undefined;
  const node = d.fw.handle.node(nnn);
  if (node?.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p.pod))) return 'not eligible due to a terminating pod on the nominated node.';
  return undefined;
}

/** DryRunPreemption over the potential nodes, from a random offset, until enough candidates. */
function findCandidates(d: PreemptionDeps, state: CycleState, pod: PodInfo, diag: Diagnosis): { candidates: Candidate[]; statuses: Diagnosis } {
  const statuses = new Diagnosis();
  const potential = d.fw.handle.nodes().filter((n) => diag.statusOf(n.name).code === 'Unschedulable');
  if (potential.length === 0) return { candidates: [], statuses };
  const pdbs = d.fw.handle.listers.pdbs.list();
  const offset = Math.floor(d.random() * potential.length);
  const want = Math.min(potential.length, Math.max(MIN_CANDIDATE_NODES_ABSOLUTE, Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100)));
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  for (let i = 0; i < potential.length; i++) {
    const node = potential[(offset + i) % potential.length]!;
    const r = selectVictimsOnNode(d.fw, state.clone(), pod, node.clone(), pdbs);
    if ('code' in r) {
      statuses.statuses.set(node.name, r as Status);
      continue;
    }
    (r.pdbViolations === 0 ? nonViolating : violating).push(r);
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= want) break;
  }
  return { candidates: [...nonViolating, ...violating], statuses };
}

/** prepareCandidate: DisruptionTarget on each victim, delete it, record Preempted. */
async function prepare(d: PreemptionDeps, c: Candidate, pod: PodInfo): Promise<void> {
  const condition: PodCondition = {
    type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler',
    message: `${pod.spec.schedulerName ?? d.schedulerName}: preempting to accommodate a higher priority pod`,
  };
  await Promise.all(c.victims.map(async (v) => {
    try {
      const next = setCondition(v.pod, condition, d.now());
      if (next) await patchPodStatus(d.client, v.pod, { conditions: next });
      await d.client.delete(REFS.pods, v.namespace, v.name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    d.recorder.event(v.pod, 'Normal', 'Preempted', `Preempted by pod ${pod.uid} on node ${c.node}`, 'Preempting');
  }));
  const lower = d.fw.nominator.podsForNode(c.node).filter((p) => p.priority < pod.priority);
  for (const p of lower) {
    d.fw.nominator.remove(p.uid);
    await patchPodStatus(d.client, p.pod, { nominatedNodeName: null }).catch((err: Error) => d.log(`Cannot clear 'NominatedNodeName' field: ${err.message}`));
  }
}

/** Evaluator.Preempt behind DefaultPreemption.PostFilter. */
export async function preempt(d: PreemptionDeps, state: CycleState, pod: PodInfo, diag: Diagnosis): Promise<PreemptionOutcome> {
  const why = notEligible(d, pod, diag);
  if (why) return { message: `preemption: ${why}` };
  const { candidates, statuses } = findCandidates(d, state, pod, diag);
  if (candidates.length === 0) {
    statuses.absent = { code: 'UnschedulableAndUnresolvable', reasons: ['Preemption is not helpful for scheduling'] };
    return { nominatedNode: '', message: `preemption: ${fitErrorMessage(d.fw.handle.nodes().length, statuses)}` };
  }
  const best = pickOneNode(candidates, d.now());
  if (!best) return { message: 'preemption: no candidate node for preemption' };
  await prepare(d, best, pod);
  return { nominatedNode: best.node, message: '' };
}
