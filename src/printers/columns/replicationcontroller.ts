// replicationcontrollers (core/v1): printReplicationController — NAME DESIRED CURRENT READY AGE;
// wide CONTAINERS IMAGES SELECTOR (a plain label map).
import { ageColumn, column, nameColumn, templateColumns, wideColumn } from './define.js';
import { num, rec } from './fields.js';
import { templateCells } from './containers.js';
import { formatLabels } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const replicationControllerColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Desired', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller', { type: 'integer' }),
    column('Current', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller', { type: 'integer' }),
    column('Ready', 'The number of ready replicas for this replication controller.', { type: 'integer' }),
    ageColumn(),
    ...templateColumns(),
    wideColumn('Selector', 'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells(rc, { now }) {
    const spec = rec(rc.spec);
    const status = rec(rc.status);
    const [names, images] = templateCells(spec);
    return [
      rc.metadata.name ?? '',
      num(spec.replicas),
      num(status.replicas),
      num(status.readyReplicas),
      age(rc, now),
      names,
      images,
      formatLabels(spec.selector),
    ];
  },
};
