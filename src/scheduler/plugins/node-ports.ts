// NodePorts: the host ports a pod's containers ask for must be free on the node (0.0.0.0 clashes
// with every address).
import { SKIP, unschedulable, type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type Status } from '../types.js';

export const NODE_PORTS = 'NodePorts';
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

export function nodePorts(): PreFilterPlugin & FilterPlugin {
  return {
    name: NODE_PORTS,
    preFilter(_state, pod): PreFilterResult | null {
      return pod.hostPorts.length === 0 ? { status: SKIP } : null;
    },
    filter(_state, pod, node): Status | null {
      for (const hp of pod.hostPorts) if (node.portConflict(hp)) return unschedulable(ERR_REASON_NODE_PORTS);
      return null;
    },
  };
}
