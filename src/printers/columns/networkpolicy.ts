// networkpolicies (networking.k8s.io/v1): printNetworkPolicy — NAME POD-SELECTOR AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at } from './fields.js';
import { formatLabelSelector } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const networkPolicyColumns: ColumnSet = {
  columns: [nameColumn(), column('Pod-Selector', 'Selects the pods to which this NetworkPolicy object applies.  The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods.  In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.'), ageColumn()],
  cells(np, { now }) {
    return [np.metadata.name ?? '', formatLabelSelector(at(np.spec, 'podSelector')), age(np, now)];
  },
};
