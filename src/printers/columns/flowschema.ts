// flowschemas (flowcontrol.apiserver.k8s.io/v1): printFlowSchema — NAME PRIORITYLEVEL
// MATCHINGPRECEDENCE DISTINGUISHERMETHOD AGE MISSINGPL; MissingPL is the Dangling condition's
// status, "?" before the APF controller has set it.
import { ageColumn, column, nameColumn } from './define.js';
import { num, rec, recs, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const flowSchemaColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('PriorityLevel', '`name` is the name of the priority level configuration being referenced Required.'),
    column('MatchingPrecedence', '`matchingPrecedence` is used to choose among the FlowSchemas that match a given request. The chosen FlowSchema is among those with the numerically lowest (which we take to be logically highest) MatchingPrecedence.  Each MatchingPrecedence value must be ranged in [1,10000]. Note that if the precedence is not specified, it will be set to 1000 as default.'),
    column('DistinguisherMethod', '`distinguisherMethod` defines how to compute the flow distinguisher for requests that match this schema. `nil` specifies that the distinguisher is disabled and thus will always be the empty string.'),
    ageColumn(),
    column('MissingPL', 'indicates if the referenced priority level exists'),
  ],
  cells(fs, { now }) {
    const spec = rec(fs.spec);
    const method = spec.distinguisherMethod == null ? '<none>' : str(rec(spec.distinguisherMethod).type);
    const dangling = recs(rec(fs.status).conditions).find((c) => c.type === 'Dangling');
    return [fs.metadata.name ?? '', str(rec(spec.priorityLevelConfiguration).name), num(spec.matchingPrecedence), method, age(fs, now), dangling ? str(dangling.status) : '?'];
  },
};
