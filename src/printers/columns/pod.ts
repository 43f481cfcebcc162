// pods (core/v1): printPod — NAME READY STATUS RESTARTS AGE; wide IP NODE NOMINATED-NODE READINESS-GATES.
import type { KObject } from '../../api/types.js';
import { humanDuration } from '../duration.js';
import { ageColumn, column, nameColumn, wideColumn } from './define.js';
import { at, rec, recs, str, type Fields } from './fields.js';
import { summarizePod } from './pod-status.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** The cluster's view of the pod's IP: v1 podIP wins over podIPs[0] (the v1→internal conversion). */
function podIP(status: Fields): string {
  const ip = str(status.podIP) !== '' ? str(status.podIP) : str(at(recs(status.podIPs)[0], 'ip'));
  return ip === '' ? '<none>' : ip;
}

function readinessGates(pod: KObject): string {
  const gates = recs(at(pod.spec, 'readinessGates'));
  if (gates.length === 0) return '<none>';
  const conditions = recs(at(pod.status, 'conditions'));
  const passed = gates.filter((gate) => {
    const found = conditions.find((c) => str(c.type) === str(gate.conditionType));
    return found !== undefined && str(found.status) === 'True';
  }).length;
  return `${passed}/${gates.length}`;
}

function orNone(text: string): string {
  return text === '' ? '<none>' : text;
}

export const podColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageColumn(),
    wideColumn('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    wideColumn('Node', 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename'),
    wideColumn('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.'),
    wideColumn('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates'),
  ],
  cells(pod, { now }) {
    const s = summarizePod(pod);
    const restarts =
      s.restarts !== 0 && s.lastRestart !== null
        ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`
        : String(s.restarts);
    const status = rec(pod.status);
    return [
      pod.metadata.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      age(pod, now),
      podIP(status),
      orNone(str(at(pod.spec, 'nodeName'))),
      orNone(str(status.nominatedNodeName)),
      readinessGates(pod),
    ];
  },
};
