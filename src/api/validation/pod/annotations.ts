// Pod-specific annotations (ValidatePodSpecificAnnotations and their update rules).
import type { FieldError } from '../../types.js';
import { forbidden, invalid, key, type Path } from '../field.js';
import { str, strMap, type JsonObject } from '../json.js';

const MIRROR = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function deletionCostValid(v: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(v.trim()) || v.trim() !== v) return false;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647;
}

export function validatePodSpecificAnnotations(annotations: unknown, spec: JsonObject, fld: Path): FieldError[] {
  const a = strMap(annotations) ?? {};
  const errs: FieldError[] = [];
  if (MIRROR in a && !str(spec.nodeName)) errs.push(invalid(key(fld, MIRROR), a[MIRROR], 'must set spec.nodeName if mirror pod annotation is set'));
  if (DELETION_COST in a && !deletionCostValid(a[DELETION_COST]!)) errs.push(invalid(key(fld, DELETION_COST), a[DELETION_COST], 'must be a 32bit integer'));
  return errs;
}

export function validatePodSpecificAnnotationUpdates(newAnn: unknown, oldAnn: unknown, spec: JsonObject, fld: Path): FieldError[] {
  const n = strMap(newAnn) ?? {};
  const o = strMap(oldAnn) ?? {};
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k in n && n[k] === v) continue;
    if (k.startsWith(APPARMOR_PREFIX)) errs.push(forbidden(key(fld, k), 'may not remove or update AppArmor annotations'));
    if (k === MIRROR) errs.push(forbidden(key(fld, k), 'may not remove or update mirror pod annotation'));
  }
  for (const k of Object.keys(n)) {
    if (k in o) continue;
    if (k.startsWith(APPARMOR_PREFIX)) errs.push(forbidden(key(fld, k), 'may not add AppArmor annotations'));
    if (k === MIRROR) errs.push(forbidden(key(fld, k), 'may not add mirror pod annotation'));
  }
  return [...errs, ...validatePodSpecificAnnotations(newAnn, spec, fld)];
}
