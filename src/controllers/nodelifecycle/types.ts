// The node and pod fields the node lifecycle loops read and write.
import type { Obj } from '../../client/types.js';

export interface Condition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
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
