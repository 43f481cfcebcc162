// Scale (autoscaling/v1, the scale subresource): printScale — NAME DESIRED AVAILABLE AGE. Its Name
// column carries no `name` format, as upstream defines it.
import { NAME_DOC, ageColumn, column } from './define.js';
import { num, rec } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const scaleColumns: ColumnSet = {
  columns: [
    column('Name', NAME_DOC),
    column('Desired', 'replicas is the desired number of instances for the scaled object.', { type: 'integer' }),
    column('Available', 'replicas is the actual number of observed instances of the scaled object.', { type: 'integer' }),
    ageColumn(),
  ],
  cells(scale, { now }) {
    return [scale.metadata.name ?? '', num(rec(scale.spec).replicas), num(rec(scale.status).replicas), age(scale, now)];
  },
};
