// The node and pod fields the node lifecycle loops read and write.
import type { Obj } from '../../client/types.js';
import type { Taint as BaseTaint, Toleration } from '../framework/node-selection.js';

export interface Condition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export type { Toleration } from '../framework/node-selection.js';

/** A node taint as stored: NoExecute taints carry the time they were added. */
export interface Taint extends BaseTaint {
  timeAdded?: string;
}

export interface NodeObj extends Obj {
  spec?: { unschedulable?: boolean; taints?: Taint[]; [k: string]: unknown };
  status?: { conditions?: Condition[]; [k: string]: unknown };
}

export interface PodObj extends Obj {
  spec?: { nodeName?: string; tolerations?: Toleration[]; [k: string]: unknown };
  status?: { phase?: string; conditions?: Condition[]; [k: string]: unknown };
}

export interface LeaseObj extends Obj {
  spec?: { holderIdentity?: string; renewTime?: string; leaseDurationSeconds?: number };
}
