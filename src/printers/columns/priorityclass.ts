// priorityclasses (scheduling.k8s.io/v1): printPriorityClass — NAME VALUE GLOBAL-DEFAULT AGE
// PREEMPTIONPOLICY. Upstream gives PreemptionPolicy priority 0 and fills it only for wide output;
// the apiserver always prints wide, so the column shows in plain `kubectl get` too.
import { ageColumn, column, nameColumn } from './define.js';
import { num, optBool, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const priorityClassColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Value', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.', { type: 'integer' }),
    column('Global-Default', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.', { type: 'boolean' }),
    ageColumn(),
    column('PreemptionPolicy', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  cells(pc, { now }) {
    return [pc.metadata.name ?? '', num(pc.value), optBool(pc.globalDefault) ?? false, age(pc, now), str(pc.preemptionPolicy)];
  },
};
