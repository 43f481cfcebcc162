// deployments (apps/v1): printDeployment — NAME READY UP-TO-DATE AVAILABLE AGE;
// wide CONTAINERS IMAGES SELECTOR (the selector string, `<invalid>` if it does not parse).
import { ageColumn, column, nameColumn, templateColumns, wideColumn } from './define.js';
import { num, rec } from './fields.js';
import { templateCells } from './containers.js';
import { selectorString } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const deploymentColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state'),
    column('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn(),
    ...templateColumns(),
    wideColumn('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.'),
  ],
  cells(deploy, { now }) {
    const spec = rec(deploy.spec);
    const status = rec(deploy.status);
    const [names, images] = templateCells(spec);
    return [
      deploy.metadata.name ?? '',
      `${num(status.readyReplicas)}/${num(spec.replicas)}`,
      num(status.updatedReplicas),
      num(status.availableReplicas),
      age(deploy, now),
      names,
      images,
      selectorString(spec.selector) ?? '<invalid>',
    ];
  },
};
