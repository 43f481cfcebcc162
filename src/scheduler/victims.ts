// DefaultPreemption's choices: on one node, the fewest lower-priority pods whose removal lets the
// preemptor fit (remove them all, then give back the most important first, PDB-protected ones
// before the rest); across candidate nodes, the one with the fewest PDB violations, then the lowest
// highest victim priority, the smallest priority sum, the fewest victims, the latest start.
import type { Obj } from '../client/types.js';
import { fromLabelSelector, matchesLabels } from '../api/selectors/labels.js';
import type { Framework } from './framework.js';
import type { NodeInfo } from './node-info.js';
import { moreImportant, type PodInfo } from './pod-info.js';
import { unresolvable, type CycleState, type Status } from './types.js';

export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export interface Candidate {
  node: string;
  victims: PodInfo[];
  pdbViolations: number;
}

interface PdbJson {
  spec?: { selector?: Parameters<typeof fromLabelSelector>[0] | null };
  status?: { disruptionsAllowed?: number; disruptedPods?: Record<string, string> };
}

/** filterPodsWithPDBViolation: pods whose eviction would take a matching PDB below zero. */
export function splitByPdbViolation(pods: PodInfo[], pdbs: Obj[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => (p as PdbJson).status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const ok: PodInfo[] = [];
  for (const p of pods) {
    let violated = false;
    if (Object.keys(p.labels).length) {
      pdbs.forEach((pdb, i) => {
        const j = pdb as PdbJson & Obj;
        if (j.metadata.namespace !== p.namespace || !j.spec?.selector) return;
        const sel = fromLabelSelector(j.spec.selector);
        if (sel.length === 0 || !matchesLabels(sel, p.labels)) return;
        if (j.status?.disruptedPods?.[p.name] !== undefined) return;
        allowed[i] = allowed[i]! - 1;
        if (allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : ok).push(p);
  }
  return [violating, ok];
}

const byImportance = (a: PodInfo, b: PodInfo): number => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0);

/** SelectVictimsOnNode, on a copy of the node and the cycle state. */
export function selectVictimsOnNode(fw: Framework, state: CycleState, pod: PodInfo, node: NodeInfo, pdbs: Obj[]): Candidate | Status {
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  for (const p of potential) fw.removePod(state, pod, p, node);
  if (potential.length === 0) return unresolvable(NO_VICTIMS);
  const filters = fw.filtersFor(state);
  const s = fw.runFilterWithNominated(filters, state, pod, node);
  if (s) return s;
  potential.sort(byImportance);
  const [violating, nonViolating] = splitByPdbViolation(potential, pdbs);
  const victims: PodInfo[] = [];
  const reprieve = (p: PodInfo): boolean => {
    fw.addPod(state, pod, p, node);
    const fits = fw.runFilterWithNominated(filters, state, pod, node) === null;
    if (!fits) {
      fw.removePod(state, pod, p, node);
      victims.push(p);
    }
    return fits;
  };
  let pdbViolations = 0;
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) victims.sort(byImportance);
  if (victims.length === 0) return { code: 'Error', reasons: [`expected at least one victim pod on node "${node.name}"`] };
  return { node: node.name, victims, pdbViolations };
}

/** GetEarliestPodStartTime among the highest-priority victims (a pod not started counts as now). */
function earliestStart(victims: PodInfo[], now: number): number {
  let max = victims[0]!.priority;
  let earliest = victims[0]!.startTime ?? now;
  for (const v of victims) {
    const t = v.startTime ?? now;
    if (v.priority === max) earliest = Math.min(earliest, t);
    else if (v.priority > max) {
      max = v.priority;
      earliest = t;
    }
  }
  return earliest;
}

/** pickOneNodeForPreemption. */
export function pickOneNode(candidates: Candidate[], now: number): Candidate | undefined {
  const MAX_INT32_PLUS_1 = 2 ** 31;
  const scorers: ((c: Candidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -c.victims[0]!.priority,
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + MAX_INT32_PLUS_1, 0),
    (c) => -c.victims.length,
    (c) => earliestStart(c.victims, now),
  ];
  let pool = candidates;
  for (const f of scorers) {
    if (pool.length <= 1) break;
    const scores = pool.map(f);
    const best = Math.max(...scores);
    pool = pool.filter((_, i) => scores[i] === best);
  }
  return pool[0];
}
