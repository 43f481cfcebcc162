// Label and label-selector validation (apimachinery meta/v1/validation) and selector matching
// (LabelSelectorAsSelector + Matches), as workload validation uses them.
import type { FieldError } from '../types.js';
import { child, forbidden, index, invalid, required, type Path } from './field.js';
import { arr, obj, optObj, str, strList } from './json.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** ValidateLabels: every key a qualified name, every value a label value; errors at the map's path. */
export function validateLabels(labels: Record<string, unknown> | undefined, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(fld, k, msg));
    for (const msg of isValidLabelValue(str(v))) errs.push(invalid(fld, str(v), msg));
  }
  return errs;
}

function validateRequirement(raw: unknown, fld: Path): FieldError[] {
  const r = obj(raw);
  const op = str(r.operator);
  const values = strList(r.values) ?? [];
  const errs: FieldError[] = [];
  if (op === 'In' || op === 'NotIn') {
    if (!values.length) errs.push(required(child(fld, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length) errs.push(forbidden(child(fld, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else errs.push(invalid(child(fld, 'operator'), op, 'not a valid selector operator'));
  for (const msg of isQualifiedName(str(r.key))) errs.push(invalid(child(fld, 'key'), str(r.key), msg));
  values.forEach((v, i) => {
    for (const msg of isValidLabelValue(v)) errs.push(invalid(index(child(fld, 'values'), i), v, msg));
  });
  return errs;
}

/** ValidateLabelSelector (strict: label values in expressions must be valid). */
export function validateLabelSelector(selector: unknown, fld: Path): FieldError[] {
  const sel = optObj(selector);
  if (!sel) return [];
  const errs = validateLabels(optObj(sel.matchLabels), child(fld, 'matchLabels'));
  arr(sel.matchExpressions).forEach((r, i) => errs.push(...validateRequirement(r, index(child(fld, 'matchExpressions'), i))));
  return errs;
}

export interface Selector {
  /** True for the "everything" selector (no terms). */
  empty: boolean;
  matches(labels: Record<string, string> | undefined): boolean;
}

const NOTHING: Selector = { empty: false, matches: () => false };
const EVERYTHING: Selector = { empty: true, matches: () => true };

function requirementOk(r: Record<string, unknown>): boolean {
  const op = str(r.operator);
  const values = strList(r.values) ?? [];
  if (!OPERATORS.has(op) || isQualifiedName(str(r.key)).length) return false;
  if ((op === 'In' || op === 'NotIn') && !values.length) return false;
  if ((op === 'Exists' || op === 'DoesNotExist') && values.length) return false;
  return values.every((v) => !isValidLabelValue(v).length);
}

function matchRequirement(r: Record<string, unknown>, labels: Record<string, string>): boolean {
  const k = str(r.key);
  const values = strList(r.values) ?? [];
  const present = Object.prototype.hasOwnProperty.call(labels, k);
  switch (str(r.operator)) {
    case 'In': return present && values.includes(labels[k]!);
    case 'NotIn': return !present || !values.includes(labels[k]!);
    case 'Exists': return present;
    default: return !present;
  }
}

/**
 * metav1.LabelSelectorAsSelector: undefined when the selector is malformed (upstream returns an
 * error); a nil selector selects nothing, an empty one everything.
 */
export function labelSelectorAsSelector(selector: unknown): Selector | undefined {
  if (selector === undefined || selector === null) return NOTHING;
  const sel = obj(selector);
  const matchLabels = Object.entries(obj(sel.matchLabels)).map(([k, v]) => ({ key: k, operator: 'In', values: [str(v)] }));
  const reqs = [...matchLabels, ...arr(sel.matchExpressions).map(obj)];
  if (!reqs.length) return EVERYTHING;
  if (!reqs.every(requirementOk)) return undefined;
  return { empty: false, matches: (labels) => reqs.every((r) => matchRequirement(r, labels ?? {})) };
}

/** labels.Set(map).AsSelector(): equality on every key (an empty map selects everything). */
export function mapAsSelector(selector: Record<string, string> | undefined): Selector {
  const entries = Object.entries(selector ?? {});
  if (!entries.length) return EVERYTHING;
  return { empty: false, matches: (labels) => entries.every(([k, v]) => (labels ?? {})[k] === v) };
}
