// Node and pod (anti-)affinity (validateAffinity and its node selector terms).
import type { FieldError } from '../../types.js';
import { child, forbidden, index, invalid, required, type Path } from '../field.js';
import { has, obj, objs, optNum, str, strList, type JsonObject } from '../json.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../namefuncs.js';
import { isQualifiedName, isValidLabelValue } from '../names.js';
import { validateLabelSelector } from '../selector.js';

function nodeSelectorRequirement(rq: JsonObject, fld: Path, allowInvalidValues: boolean): FieldError[] {
  const op = str(rq.operator);
  const values = strList(rq.values) ?? [];
  const errs: FieldError[] = [];
  if (op === 'In' || op === 'NotIn') {
    if (!values.length) errs.push(required(child(fld, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length) errs.push(forbidden(child(fld, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else if (op === 'Gt' || op === 'Lt') {
    if (values.length !== 1) errs.push(required(child(fld, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else errs.push(invalid(child(fld, 'operator'), op, 'not a valid selector operator'));
  errs.push(...isQualifiedName(str(rq.key)).map((m) => invalid(child(fld, 'key'), str(rq.key), m)));
  if (!allowInvalidValues) values.forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => invalid(index(child(fld, 'values'), i), v, m))));
  return errs;
}

function nodeFieldRequirement(rq: JsonObject, fld: Path): FieldError[] {
  const op = str(rq.operator);
  const values = strList(rq.values) ?? [];
  const errs: FieldError[] = [];
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) errs.push(required(child(fld, 'values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else errs.push(invalid(child(fld, 'operator'), op, 'not a valid selector operator'));
  if (str(rq.key) !== 'metadata.name') errs.push(invalid(child(fld, 'key'), str(rq.key), 'not a valid field selector key'));
  else values.forEach((v, i) => errs.push(...nameIsDNSSubdomain(v, false).map((m) => invalid(index(child(fld, 'values'), i), v, m))));
  return errs;
}

/** ValidateNodeSelectorTerm. */
export function validateNodeSelectorTerm(term: JsonObject, fld: Path, allowInvalidValues = false): FieldError[] {
  const errs = objs(term.matchExpressions).flatMap((r, j) => nodeSelectorRequirement(r, index(child(fld, 'matchExpressions'), j), allowInvalidValues));
  return [...errs, ...objs(term.matchFields).flatMap((r, j) => nodeFieldRequirement(r, index(child(fld, 'matchFields'), j)))];
}

/** ValidateNodeSelector (required node affinity, PV node affinity). */
export function validateNodeSelector(sel: JsonObject, fld: Path): FieldError[] {
  const terms = objs(sel.nodeSelectorTerms);
  const tPath = child(fld, 'nodeSelectorTerms');
  if (!terms.length) return [required(tPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, index(tPath, i)));
}

function weight(w: number, fld: Path): FieldError[] {
  return w <= 0 || w > 100 ? [invalid(fld, w, 'must be in the range 1-100')] : [];
}

function nodeAffinity(na: JsonObject, fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (has(na, 'requiredDuringSchedulingIgnoredDuringExecution')) {
    errs.push(...validateNodeSelector(obj(na.requiredDuringSchedulingIgnoredDuringExecution), child(fld, 'requiredDuringSchedulingIgnoredDuringExecution')));
  }
  objs(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    const p = index(child(fld, 'preferredDuringSchedulingIgnoredDuringExecution'), i);
    errs.push(...weight(optNum(t.weight) ?? 0, child(p, 'weight')), ...validateNodeSelectorTerm(obj(t.preference), child(p, 'preference'), true));
  });
  return errs;
}

function labelKeys(keys: unknown, selector: unknown, fld: Path): FieldError[] {
  const list = strList(keys) ?? [];
  if (!list.length) return [];
  if (!has({ s: selector }, 's')) return [forbidden(fld, 'must not be specified when labelSelector is not set')];
  return list.flatMap((k, i) => isQualifiedName(k).map((m) => invalid(index(fld, i), k, m)));
}

function podAffinityTerm(t: JsonObject, fld: Path): FieldError[] {
  const errs = validateLabelSelector(t.labelSelector, child(fld, 'labelSelector'));
  errs.push(...validateLabelSelector(t.namespaceSelector, child(fld, 'namespaceSelector')));
  for (const ns of strList(t.namespaces) ?? []) errs.push(...nameIsDNSLabel(ns, false).map((m) => invalid(child(fld, 'namespace'), ns, m)));
  errs.push(...labelKeys(t.matchLabelKeys, t.labelSelector, child(fld, 'matchLabelKeys')), ...labelKeys(t.mismatchLabelKeys, t.labelSelector, child(fld, 'mismatchLabelKeys')));
  const tk = str(t.topologyKey);
  if (!tk) errs.push(required(child(fld, 'topologyKey'), 'can not be empty'));
  return [...errs, ...isQualifiedName(tk).map((m) => invalid(child(fld, 'topologyKey'), tk, m))];
}

function podAffinity(pa: JsonObject, fld: Path): FieldError[] {
  const req = child(fld, 'requiredDuringSchedulingIgnoredDuringExecution');
  const pref = child(fld, 'preferredDuringSchedulingIgnoredDuringExecution');
  const errs = objs(pa.requiredDuringSchedulingIgnoredDuringExecution).flatMap((t, i) => podAffinityTerm(t, index(req, i)));
  objs(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    errs.push(...weight(optNum(t.weight) ?? 0, child(index(pref, i), 'weight')), ...podAffinityTerm(obj(t.podAffinityTerm), child(index(pref, i), 'podAffinityTerm')));
  });
  return errs;
}

/** validateAffinity. */
export function validateAffinity(affinity: unknown, fld: Path): FieldError[] {
  const a = obj(affinity);
  const errs: FieldError[] = [];
  if (has(a, 'nodeAffinity')) errs.push(...nodeAffinity(obj(a.nodeAffinity), child(fld, 'nodeAffinity')));
  if (has(a, 'podAffinity')) errs.push(...podAffinity(obj(a.podAffinity), child(fld, 'podAffinity')));
  if (has(a, 'podAntiAffinity')) errs.push(...podAffinity(obj(a.podAntiAffinity), child(fld, 'podAntiAffinity')));
  return errs;
}
