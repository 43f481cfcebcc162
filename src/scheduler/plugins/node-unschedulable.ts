// NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
// node.kubernetes.io/unschedulable:NoSchedule taint.
import { unresolvable, type FilterPlugin, type Status } from '../types.js';
import { tolerates } from '../selectors.js';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function nodeUnschedulable(): FilterPlugin {
  return {
    name: NODE_UNSCHEDULABLE,
    filter(_state, pod, node): Status | null {
      if (!node.unschedulable) return null;
      if (pod.tolerations.some((t) => tolerates(t, UNSCHEDULABLE_TAINT))) return null;
      return unresolvable(ERR_REASON_UNSCHEDULABLE);
    },
  };
}
