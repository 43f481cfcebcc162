// replicasets (apps/v1): printReplicaSet — NAME DESIRED CURRENT READY AGE; wide CONTAINERS IMAGES SELECTOR.
import { ageColumn, column, nameColumn, templateColumns, wideColumn } from './define.js';
import { num, rec } from './fields.js';
import { templateCells } from './containers.js';
import { formatLabelSelector } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const replicaSetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Desired', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller', { type: 'integer' }),
    column('Current', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller', { type: 'integer' }),
    column('Ready', 'The number of ready replicas for this replica set.', { type: 'integer' }),
    ageColumn(),
    ...templateColumns(),
    wideColumn('Selector', 'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells(rs, { now }) {
    const spec = rec(rs.spec);
    const status = rec(rs.status);
    const [names, images] = templateCells(spec);
    return [
      rs.metadata.name ?? '',
      num(spec.replicas),
      num(status.replicas),
      num(status.readyReplicas),
      age(rs, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};
