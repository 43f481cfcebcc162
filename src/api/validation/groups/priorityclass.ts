// scheduling.k8s.io PriorityClass (ValidatePriorityClass[Update]).
import type { FieldError, KObject } from '../../types.js';
import { forbidden, notSupported, required } from '../field.js';
import { has, optNum, str } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';

const HIGHEST_USER = 1000000000;
const SYSTEM: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  if (!(name in SYSTEM)) return `${name} is not a known system priority class`;
  if (SYSTEM[name] !== value) return `value of ${name} PriorityClass must be ${SYSTEM[name]}`;
  return globalDefault ? `globalDefault of ${name} PriorityClass must be false` : undefined;
}

function preemptionPolicy(pc: KObject): FieldError[] {
  if (!has(pc, 'preemptionPolicy')) return [];
  const p = str(pc.preemptionPolicy);
  if (!p) return [required('preemptionPolicy')];
  return p === 'PreemptLowerPriority' || p === 'Never' ? [] : [notSupported('preemptionPolicy', p, ['PreemptLowerPriority', 'Never'])];
}

export function validatePriorityClass(pc: KObject): FieldError[] {
  const errs = validateCoreObjectMeta(pc.metadata, false, nameIsDNSSubdomain);
  const name = str(pc.metadata.name);
  const value = optNum(pc.value) ?? 0;
  if (name.startsWith('system-')) {
    const err = systemClassError(name, value, pc.globalDefault === true);
    if (err) errs.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (value > HIGHEST_USER) errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER}`));
  return [...errs, ...preemptionPolicy(pc)];
}

export function validatePriorityClassUpdate(pc: KObject, old: KObject): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(pc.metadata, old.metadata);
  if ((optNum(pc.value) ?? 0) !== (optNum(old.value) ?? 0)) errs.push(forbidden('value', 'may not be changed in an update.'));
  return [...errs, ...validateImmutableField(pc.preemptionPolicy, old.preemptionPolicy, 'preemptionPolicy')];
}
