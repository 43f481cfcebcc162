// statefulsets (apps/v1): printStatefulSet — NAME READY AGE; wide CONTAINERS IMAGES.
import { ageColumn, column, nameColumn, templateColumns } from './define.js';
import { num, rec } from './fields.js';
import { templateCells } from './containers.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const statefulSetColumns: ColumnSet = {
  columns: [nameColumn(), column('Ready', 'Number of the pod with ready state'), ageColumn(), ...templateColumns()],
  cells(sts, { now }) {
    const spec = rec(sts.spec);
    const [names, images] = templateCells(spec);
    return [
      sts.metadata.name ?? '',
      `${num(rec(sts.status).readyReplicas)}/${num(spec.replicas)}`,
      age(sts, now),
      names,
      images,
    ];
  },
};
