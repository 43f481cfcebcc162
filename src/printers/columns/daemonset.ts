// daemonsets (apps/v1): printDaemonSet — NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE;
// wide CONTAINERS IMAGES SELECTOR.
import { ageColumn, column, nameColumn, templateColumns, wideColumn } from './define.js';
import { at, num, rec } from './fields.js';
import { templateCells } from './containers.js';
import { formatLabelSelector, formatLabels } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

const INTEGER = { type: 'integer' } as const;

export const daemonSetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Desired', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/', INTEGER),
    column('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/', INTEGER),
    column('Ready', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.', INTEGER),
    column('Up-to-date', 'The total number of nodes that are running updated daemon pod', INTEGER),
    column('Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)', INTEGER),
    column('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node\'s labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/'),
    ageColumn(),
    ...templateColumns(),
    wideColumn('Selector', 'A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
  ],
  cells(ds, { now }) {
    const spec = rec(ds.spec);
    const status = rec(ds.status);
    const [names, images] = templateCells(spec);
    return [
      ds.metadata.name ?? '',
      num(status.desiredNumberScheduled),
      num(status.currentNumberScheduled),
      num(status.numberReady),
      num(status.updatedNumberScheduled),
      num(status.numberAvailable),
      formatLabels(at(spec.template, 'spec', 'nodeSelector')),
      age(ds, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};
