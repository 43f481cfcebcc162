// validatingadmissionpolicies and validatingadmissionpolicybindings (admissionregistration.k8s.io/v1):
// printValidatingAdmissionPolicy — NAME VALIDATIONS PARAMKIND AGE; printValidatingAdmissionPolicyBinding
// — NAME POLICYNAME PARAMREF AGE. A param without a namespace prints as `*/name`, a selector as
// its label selector string.
import { ageColumn, column, nameColumn } from './define.js';
import { rec, recs, str } from './fields.js';
import { selectorString } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const validatingAdmissionPolicyColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Validations', 'Validations indicates the number of validation rules defined in this configuration', { type: 'integer' }),
    column('ParamKind', 'ParamKind specifies the kind of resources used to parameterize this policy'),
    ageColumn(),
  ],
  cells(p, { now }) {
    const spec = rec(p.spec);
    const kind = spec.paramKind == null ? '<unset>' : `${str(rec(spec.paramKind).apiVersion)}/${str(rec(spec.paramKind).kind)}`;
    return [p.metadata.name ?? '', recs(spec.validations).length, kind, age(p, now)];
  },
};

function paramRef(ref: unknown): string {
  if (ref == null) return '<unset>';
  const r = rec(ref);
  const name = str(r.name);
  if (name) return str(r.namespace) ? `${str(r.namespace)}/${name}` : `*/${name}`;
  return r.selector == null ? '<unset>' : (selectorString(r.selector) ?? '');
}

export const validatingAdmissionPolicyBindingColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('PolicyName', 'PolicyName indicates the policy definition which the policy binding binded to'),
    column('ParamRef', 'ParamRef indicates the param resource which sets the configration param'),
    ageColumn(),
  ],
  cells(b, { now }) {
    const spec = rec(b.spec);
    return [b.metadata.name ?? '', str(spec.policyName), paramRef(spec.paramRef), age(b, now)];
  },
};
