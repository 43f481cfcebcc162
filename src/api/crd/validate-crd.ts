// ValidateCustomResourceDefinition (apiextensions-apiserver v0.32), the rules a CRD is refused
// for most often: its name, group, scope, names, versions (one storage version, schemas
// required), printer columns, and x-kubernetes-validations rules that do not parse or name a
// variable other than self and oldSelf (CEL is not type-checked against the schema).
// Structural-schema rules are not checked here.
import type { FieldError, KObject } from '../types.js';
import { child, index, invalid, notSupported, required } from '../validation/field.js';
import { GoLiteral, goQuote } from '../validation/govalue.js';
import { validateObjectMeta } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/namefuncs.js';
import { isDNS1035Label, isDNS1123Subdomain } from '../validation/names.js';
import type { CrdNames, CrdSpec } from './descriptors.js';
import { celCompiles } from '../validation/cel.js';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

const dns1035 = (fld: string, v: string, prefix = ''): FieldError[] => {
  const errs = isDNS1035Label(v);
  return errs.length ? [invalid(fld, v, prefix + errs.join(','))] : [];
};

function validateNames(n: CrdNames, fld: string): FieldError[] {
  const out: FieldError[] = [];
  if (n.plural) out.push(...dns1035(child(fld, 'plural'), n.plural));
  if (n.singular) out.push(...dns1035(child(fld, 'singular'), n.singular));
  const mixed = 'may have mixed case, but should otherwise match: ';
  if (n.kind && isDNS1035Label(n.kind.toLowerCase()).length) out.push(invalid(child(fld, 'kind'), n.kind, mixed + isDNS1035Label(n.kind.toLowerCase()).join(',')));
  if (n.listKind && isDNS1035Label(n.listKind.toLowerCase()).length) out.push(invalid(child(fld, 'listKind'), n.listKind, mixed + isDNS1035Label(n.listKind.toLowerCase()).join(',')));
  (n.shortNames ?? []).forEach((s, i) => out.push(...dns1035(index(child(fld, 'shortNames'), i), s)));
  if (n.kind && n.kind === n.listKind) out.push(invalid(child(fld, 'listKind'), n.listKind, 'kind and listKind may not be the same'));
  (n.categories ?? []).forEach((c, i) => out.push(...dns1035(index(child(fld, 'categories'), i), c)));
  return out;
}

function validateColumn(col: Record<string, unknown>, fld: string): FieldError[] {
  const out: FieldError[] = [];
  if (!col.name) out.push(required(child(fld, 'name')));
  const types = `must be one of ${COLUMN_TYPES.join(',')}`;
  if (!col.type) out.push(required(child(fld, 'type'), types));
  else if (!COLUMN_TYPES.includes(col.type as string)) out.push(invalid(child(fld, 'type'), col.type, types));
  if (col.format && !COLUMN_FORMATS.includes(col.format as string)) out.push(invalid(child(fld, 'format'), col.format, `must be one of ${COLUMN_FORMATS.join(',')}`));
  if (!col.jsonPath) out.push(required(child(fld, 'JSONPath')));
  return out;
}

/** %#v of the versions slice is Go-internal (it prints pointers); only its shape is kept. */
const versionsValue = (spec: CrdSpec): GoLiteral => new GoLiteral(`[]apiextensions.CustomResourceDefinitionVersion{${(spec.versions ?? []).map((v) => `apiextensions.CustomResourceDefinitionVersion{Name:${JSON.stringify(v.name ?? '')}, Served:${!!v.served}, Storage:${!!v.storage}, …}`).join(', ')}}`);

interface RuleSchema {
  properties?: Record<string, RuleSchema>;
  items?: RuleSchema;
  additionalProperties?: RuleSchema | boolean;
  'x-kubernetes-validations'?: Record<string, unknown>[];
}

/** %#v of an apiextensions.ValidationRule (a pointer field prints as an address Go picks). */
function goRule(r: Record<string, unknown>): GoLiteral {
  const s = (k: string): string => goQuote(typeof r[k] === 'string' ? r[k] : '');
  const ptr = (k: string, type: string): string => `(*${type})(${r[k] == null ? 'nil' : '0xc000000000'})`;
  return new GoLiteral(`apiextensions.ValidationRule{Rule:${s('rule')}, Message:${s('message')}, MessageExpression:${s('messageExpression')}, Reason:${ptr('reason', 'apiextensions.FieldValueErrorReason')}, FieldPath:${s('fieldPath')}, OptionalOldSelf:${ptr('optionalOldSelf', 'bool')}}`);
}

/** What a rule is compiled with (schema/cel's declarations; self's type is not modelled). */
const RULE_VARIABLES = ['self', 'oldSelf'];

/** The rules of a schema and those below it that do not compile (cel.Compile's errors). */
function ruleIssues(schema: RuleSchema, fld: string): FieldError[] {
  const out: FieldError[] = [];
  (schema['x-kubernetes-validations'] ?? []).forEach((r, i) => {
    const at = index(child(fld, 'x-kubernetes-validations'), i);
    const text = (k: string): string => (typeof r[k] === 'string' ? r[k] : '');
    out.push(...celCompiles(text('rule'), RULE_VARIABLES, child(at, 'rule'), { value: goRule(r) }));
    out.push(...celCompiles(text('messageExpression'), RULE_VARIABLES, child(at, 'messageExpression'), { value: goRule(r), prefix: 'messageExpression ' }));
  });
  for (const [name, p] of Object.entries(schema.properties ?? {})) out.push(...ruleIssues(p, `${child(fld, 'properties')}[${name}]`));
  if (schema.items && typeof schema.items === 'object') out.push(...ruleIssues(schema.items, child(fld, 'items')));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') out.push(...ruleIssues(schema.additionalProperties, child(fld, 'additionalProperties')));
  return out;
}

function validateSpec(spec: CrdSpec, fld: string): FieldError[] {
  const out: FieldError[] = [];
  const group = spec.group ?? '';
  if (!group) out.push(required(child(fld, 'group')));
  else if (isDNS1123Subdomain(group).length) out.push(invalid(child(fld, 'group'), group, isDNS1123Subdomain(group).join(',')));
  else if (group.split('.').length < 2) out.push(invalid(child(fld, 'group'), group, 'should be a domain with at least one dot'));
  if (!spec.scope) out.push(required(child(fld, 'scope')));
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') out.push(notSupported(child(fld, 'scope'), spec.scope, ['Cluster', 'Namespaced']));
  const versions = spec.versions ?? [];
  versions.forEach((v, i) => {
    if (!v.schema?.openAPIV3Schema) out.push(required(child(fld, `versions[${i}]`, 'schema', 'openAPIV3Schema'), 'schemas are required'));
  });
  versions.forEach((v, i) => {
    const at = index(child(fld, 'versions'), i);
    out.push(...dns1035(child(at, 'name'), v.name ?? ''));
    const schema = v.schema?.openAPIV3Schema as RuleSchema | undefined;
    if (schema) out.push(...ruleIssues(schema, child(at, 'schema', 'openAPIV3Schema')));
    (v.additionalPrinterColumns ?? []).forEach((c, j) => out.push(...validateColumn(c as unknown as Record<string, unknown>, index(child(at, 'additionalPrinterColumns'), j))));
  });
  if (new Set(versions.map((v) => v.name)).size !== versions.length) out.push(invalid(child(fld, 'versions'), versionsValue(spec), 'must contain unique version names'));
  if (versions.filter((v) => v.storage).length !== 1) out.push(invalid(child(fld, 'versions'), versionsValue(spec), 'must have exactly one version marked as storage version'));
  const n = spec.names ?? {};
  for (const k of ['plural', 'singular', 'kind', 'listKind'] as const) if (!n[k]) out.push(required(child(fld, 'names', k)));
  out.push(...validateNames(n, child(fld, 'names')));
  return out;
}

/** A CRD on create (and, with the same rules, on update). */
export function validateCrd(crd: KObject): FieldError[] {
  const spec = (crd.spec ?? {}) as CrdSpec;
  const want = `${spec.names?.plural ?? ''}.${spec.group ?? ''}`;
  const nameFn = (name: string, prefix: boolean): string[] => [...nameIsDNSSubdomain(name, prefix), ...(name !== want ? ['must be spec.names.plural+"."+spec.group'] : [])];
  return [...validateObjectMeta(crd.metadata, false, nameFn), ...validateSpec(spec, 'spec')];
}
