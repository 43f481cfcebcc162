// schedulePod (schedule_one.go): PreFilter; the nominated node first when the pod has one; Filter
// over nodes starting where the last pod stopped, until enough feasible nodes are found (all below
// 100 nodes, else 50% − nodes/125, at least 5% and 100); one feasible node is taken as is, else
// Score and pick among the best at random.
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { Framework } from './framework.js';
import { Diagnosis, NO_NODES_AVAILABLE } from './diagnosis.js';
import { isRejected, messageOf, type CycleState, type FilterPlugin } from './types.js';

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

export type ScheduleResult =
  | { kind: 'fit'; node: string; evaluated: number; feasible: number }
  | { kind: 'fitError'; numAllNodes: number; diagnosis: Diagnosis }
  | { kind: 'error'; message: string; unschedulable: boolean };

export class Algorithm {
  nextStartNodeIndex = 0;

  constructor(private readonly fw: Framework, private readonly random: () => number, private readonly percentageOfNodesToScore = 0) {}

  /** numFeasibleNodesToFind. */
  numFeasibleNodesToFind(numAllNodes: number): number {
    if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
    let pct = this.percentageOfNodesToScore;
    if (pct === 0) pct = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
    return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.trunc((numAllNodes * pct) / 100));
  }

  schedulePod(state: CycleState, pod: PodInfo): ScheduleResult {
    const all = this.fw.handle.nodes();
    if (all.length === 0) return { kind: 'error', message: NO_NODES_AVAILABLE, unschedulable: true };
    const diagnosis = new Diagnosis();
    const found = this.findNodesThatFit(state, pod, diagnosis, all);
    if ('error' in found) return { kind: 'error', message: found.error, unschedulable: false };
    const feasible = found.nodes;
    if (feasible.length === 0) return { kind: 'fitError', numAllNodes: all.length, diagnosis };
    const evaluated = feasible.length + diagnosis.statuses.size;
    if (feasible.length === 1) return { kind: 'fit', node: feasible[0]!.name, evaluated, feasible: 1 };
    const totals = this.fw.prioritize(state, pod, feasible);
    return { kind: 'fit', node: this.selectHost(feasible, totals), evaluated, feasible: feasible.length };
  }

  private findNodesThatFit(state: CycleState, pod: PodInfo, d: Diagnosis, all: NodeInfo[]): { nodes: NodeInfo[] } | { error: string } {
    const pre = this.fw.runPreFilter(state, pod);
    for (const p of pre.narrowedBy) d.unschedulablePlugins.add(p);
    if (pre.status) {
      if (!isRejected(pre.status)) return { error: messageOf(pre.status) };
      d.absent = pre.status;
      d.preFilterMsg = messageOf(pre.status);
      d.addPluginStatus(pre.status);
      return { nodes: [] };
    }
    const filters = this.fw.filtersFor(state);
    const nominated = (pod.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
    const nominatedNode = nominated ? this.fw.handle.node(nominated) : undefined;
    if (nominatedNode) {
      const fit = this.passFilters(state, pod, d, [nominatedNode], filters, 1);
      if (fit.length) return { nodes: fit };
    }
    let nodes = all;
    if (pre.nodeNames) {
      nodes = [...pre.nodeNames].map((n) => this.fw.handle.node(n)).filter((n): n is NodeInfo => n !== undefined);
      d.absent = { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) didn't satisfy plugin(s) [${pre.narrowedBy.join(' ')}]`] };
    }
    const fit = this.passFilters(state, pod, d, nodes, filters, this.numFeasibleNodesToFind(nodes.length), this.nextStartNodeIndex);
    this.nextStartNodeIndex = (this.nextStartNodeIndex + fit.length + d.statuses.size) % all.length;
    return { nodes: fit };
  }

  /** findNodesThatPassFilters: walks nodes from start, recording each rejected node's status. */
  private passFilters(state: CycleState, pod: PodInfo, d: Diagnosis, nodes: NodeInfo[], filters: FilterPlugin[], want: number, start = 0): NodeInfo[] {
    const fit: NodeInfo[] = [];
    const n = nodes.length;
    for (let i = 0; i < n && fit.length < want; i++) {
      const node = nodes[(start + i) % n]!;
      const s = this.fw.runFilterWithNominated(filters, state, pod, node);
      if (!s) fit.push(node);
      else {
        d.statuses.set(node.name, s);
        d.addPluginStatus(s);
      }
    }
    return fit;
  }

  /** selectHost: the highest total, ties broken uniformly at random (reservoir sampling). */
  selectHost(nodes: NodeInfo[], totals: number[]): string {
    let best = -Infinity;
    let chosen = 0;
    let ties = 0;
    for (let i = 0; i < nodes.length; i++) {
      const t = totals[i]!;
      if (t > best) {
        best = t;
        chosen = i;
        ties = 1;
      } else if (t === best) {
        ties++;
        if (Math.floor(this.random() * ties) === 0) chosen = i;
      }
    }
    return nodes[chosen]!.name;
  }
}
