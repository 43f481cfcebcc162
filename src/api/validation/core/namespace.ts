// Namespace, ServiceAccount and ReplicationController-free core objects with little spec.
import type { FieldError, KObject } from '../../types.js';
import { invalid } from '../field.js';
import { arr, obj, str } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateKubeFinalizers } from '../meta.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../namefuncs.js';
import { isQualifiedName } from '../names.js';

export function validateNamespace(ns: KObject): FieldError[] {
  const errs = validateCoreObjectMeta(ns.metadata, false, nameIsDNSLabel);
  const finalizers = arr(obj(ns.spec).finalizers).map(str);
  for (const f of finalizers) {
    errs.push(...isQualifiedName(f).map((m) => invalid('spec.finalizers', f, m)));
    errs.push(...validateKubeFinalizers([f], 'spec.finalizers').map((e) => ({ ...e, field: 'spec.finalizers' })));
  }
  return errs;
}

export function validateNamespaceUpdate(ns: KObject, old: KObject): FieldError[] {
  return validateCoreObjectMetaUpdate(ns.metadata, old.metadata);
}

export function validateServiceAccount(sa: KObject): FieldError[] {
  return validateCoreObjectMeta(sa.metadata, true, nameIsDNSSubdomain);
}

export function validateServiceAccountUpdate(sa: KObject, old: KObject): FieldError[] {
  return [...validateCoreObjectMetaUpdate(sa.metadata, old.metadata), ...validateServiceAccount(sa)];
}

