// horizontalpodautoscalers (autoscaling/v1 and v2): printHorizontalPodAutoscaler — NAME REFERENCE
// TARGETS MINPODS MAXPODS REPLICAS AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at, num, optNum, rec, str } from './fields.js';
import { formatHPAMetrics } from './horizontalpodautoscaler-metrics.js';
import { isV1, v1Metrics } from './horizontalpodautoscaler-v1.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const horizontalPodAutoscalerColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Reference', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    column('Targets', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.'),
    column('MinPods', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.'),
    column('MaxPods', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
    column('Replicas', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageColumn(),
  ],
  cells(hpa, { now }) {
    const spec = rec(hpa.spec);
    const ref = rec(spec.scaleTargetRef);
    const { metrics, currentMetrics } = isV1(hpa)
      ? v1Metrics(hpa)
      : { metrics: spec.metrics, currentMetrics: at(hpa.status, 'currentMetrics') };
    const minPods = optNum(spec.minReplicas);
    return [
      hpa.metadata.name ?? '',
      `${str(ref.kind)}/${str(ref.name)}`,
      formatHPAMetrics(metrics, currentMetrics),
      minPods === undefined ? '<unset>' : String(minPods),
      num(spec.maxReplicas),
      num(at(hpa.status, 'currentReplicas')),
      age(hpa, now),
    ];
  },
};
