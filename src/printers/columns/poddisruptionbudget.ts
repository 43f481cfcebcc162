// poddisruptionbudgets (policy/v1): printPodDisruptionBudget — NAME MIN AVAILABLE MAX UNAVAILABLE
// ALLOWED DISRUPTIONS AGE; an unset bound prints N/A.
import { ageColumn, column, nameColumn } from './define.js';
import { at, num, rec } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** IntOrString.String(), or N/A when the field is nil. */
function bound(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return 'N/A';
}

export const podDisruptionBudgetColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Min Available', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', { type: 'integer' }),
    ageColumn(),
  ],
  cells(pdb, { now }) {
    const spec = rec(pdb.spec);
    return [
      pdb.metadata.name ?? '',
      bound(spec.minAvailable),
      bound(spec.maxUnavailable),
      num(at(pdb.status, 'disruptionsAllowed')),
      age(pdb, now),
    ];
  },
};
