// Helpers shared by the apps workloads: int-or-percent values and selector/template agreement.
import type { FieldError } from '../../types.js';
import { child, forbidden, invalid, notSupported, required, type Path } from '../field.js';
import { GoLiteral, goIntOrString, goLabelSelector, goStringMap } from '../govalue.js';
import { has, obj, optNum, strMap, str, type JsonObject } from '../json.js';
import { isValidPercent } from '../names.js';
import { labelSelectorAsSelector, validateLabelSelector } from '../selector.js';
import { validatePodTemplateSpec } from '../pod/template.js';

const percentValue = (v: unknown): number | undefined =>
  typeof v === 'string' && !isValidPercent(v).length ? Number(v.slice(0, -1)) : undefined;

/** getIntOrPercentValue: a percentage's number, else IntValue() (strings parse as ints or 0). */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  const n = Number.parseInt(String(v ?? ''), 10);
  return /^[+-]?\d+$/.test(String(v ?? '')) ? n : 0;
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, fld: Path): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(fld, goIntOrString(v), m));
  const n = typeof v === 'number' ? v : 0;
  return n < 0 ? [invalid(fld, n, 'must be greater than or equal to 0')] : [];
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100Percent(v: unknown, fld: Path): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(fld, goIntOrString(v), 'must not be greater than 100%')] : [];
}

export function nonNegative(value: unknown, fld: Path): FieldError[] {
  const n = optNum(value) ?? 0;
  return n < 0 ? [invalid(fld, n, 'must be greater than or equal to 0')] : [];
}

/** The template labels as a bad value (`map[string]string{…}` or `map[string]string(nil)`). */
export const goTemplateLabels = (template: JsonObject): GoLiteral => new GoLiteral(goStringMap(strMap(obj(template.metadata).labels)));

/** Selector presence, syntax and non-emptiness, as Deployment/ReplicaSet/StatefulSet check it. */
export function validateRequiredSelector(spec: JsonObject, fld: Path, kind: string): FieldError[] {
  if (!has(spec, 'selector')) return [required(fld)];
  const errs = validateLabelSelector(spec.selector, fld);
  const sel = obj(spec.selector);
  if (!Object.keys(obj(sel.matchLabels)).length && !(Array.isArray(sel.matchExpressions) && sel.matchExpressions.length)) {
    errs.push(invalid(fld, goLabelSelector(sel), `empty selector is invalid for ${kind}`));
  }
  return errs;
}

/**
 * Selector vs template labels (a nil selector matches nothing, so it always mismatches).
 * `ok` is false when the selector does not parse (LabelSelectorAsSelector fails).
 */
export function selectorMatchesTemplate(spec: JsonObject, fld: Path): { ok: boolean; errs: FieldError[] } {
  const selector = labelSelectorAsSelector(spec.selector);
  if (!selector) return { ok: false, errs: [] };
  const template = obj(spec.template);
  if (selector.empty || selector.matches(strMap(obj(template.metadata).labels))) return { ok: true, errs: [] };
  return { ok: true, errs: [invalid(child(fld, 'template', 'metadata', 'labels'), goTemplateLabels(template), '`selector` does not match template `labels`')] };
}

/** ValidatePodTemplateSpecForReplicaSet (also Deployment and, with its own kind, DaemonSet). */
export function validateTemplateAlwaysRestart(spec: JsonObject, fld: Path, kind: string): FieldError[] {
  const template = obj(spec.template);
  const errs = validatePodTemplateSpec(template, child(fld, 'template'));
  const rp = str(obj(template.spec).restartPolicy);
  if (rp !== 'Always') errs.push(notSupported(child(fld, 'template', 'spec', 'restartPolicy'), rp, ['Always']));
  if (has(obj(template.spec), 'activeDeadlineSeconds')) errs.push(forbidden(child(fld, 'template', 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  return errs;
}
