// NodeName: a pod that names a node (spec.nodeName) fits only that node.
import { unresolvable, type FilterPlugin, type Status } from '../types.js';

export const NODE_NAME = 'NodeName';
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export function nodeName(): FilterPlugin {
  return {
    name: NODE_NAME,
    filter(_state, pod, node): Status | null {
      const want = pod.spec.nodeName;
      return want && want !== node.name ? unresolvable(ERR_REASON_NODE_NAME) : null;
    },
  };
}
