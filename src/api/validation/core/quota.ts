// ResourceQuota and LimitRange (ValidateResourceQuota[Update], ValidateLimitRange).
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, forbidden, index, invalid, key, required, type Path } from '../field.js';
import { GoLiteral, goStringSlice } from '../govalue.js';
import { obj, objs, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isQualifiedName } from '../names.js';
import { compareQuantity, quantityOf, quantityString, type Quantity } from '../quantity.js';
import { goQuantity, validateContainerResourceName, validateQuotaResourceName, validateResourceName, validateResourceQuantityValue } from './resourcenames.js';

const SCOPES = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity', 'VolumeAttributesClass']);

function hardList(list: unknown, fld: Path): FieldError[] {
  return Object.entries(obj(list)).flatMap(([k, v]) => {
    const q = quantityOf(v);
    return [...validateQuotaResourceName(k, key(fld, k)), ...(q ? validateResourceQuantityValue(k, q, key(fld, k)) : [])];
  });
}

function scopes(spec: JsonObject): FieldError[] {
  const list = strList(spec.scopes) ?? [];
  const shown = new GoLiteral(`[]core.ResourceQuotaScope{${list.map((s) => JSON.stringify(s)).join(', ')}}`);
  const errs: FieldError[] = list.filter((s) => !SCOPES.has(s)).map(() => invalid('spec.scopes', shown, 'unsupported scope'));
  const has = (s: string): boolean => list.includes(s);
  if ((has('BestEffort') && has('NotBestEffort')) || (has('Terminating') && has('NotTerminating'))) errs.push(invalid('spec.scopes', shown, 'conflicting scopes'));
  return errs;
}

function scopeSelector(spec: JsonObject): FieldError[] {
  const fld = 'spec.scopeSelector.matchExpressions';
  return objs(obj(spec.scopeSelector).matchExpressions).flatMap((r) => {
    const op = str(r.operator);
    const values = strList(r.values) ?? [];
    const errs = SCOPES.has(str(r.scopeName)) ? [] : [invalid(child(fld, 'scopeName'), str(r.scopeName), 'unsupported scope')];
    if (op === 'In' || op === 'NotIn') {
      if (!values.length) errs.push(required(child(fld, 'values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length) errs.push(invalid(child(fld, 'values'), values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
    } else errs.push(invalid(child(fld, 'operator'), op, 'not a valid selector operator'));
    return errs;
  });
}

export function validateResourceQuota(rq: KObject): FieldError[] {
  const spec = obj(rq.spec);
  const errs = validateCoreObjectMeta(rq.metadata, true, nameIsDNSSubdomain);
  errs.push(...hardList(spec.hard, 'spec.hard'), ...scopes(spec), ...scopeSelector(spec));
  return [...errs, ...hardList(obj(rq.status).hard, 'status.hard'), ...hardList(obj(rq.status).used, 'status.used')];
}

export function validateResourceQuotaUpdate(rq: KObject, old: KObject): FieldError[] {
  const spec = obj(rq.spec);
  const errs = validateCoreObjectMetaUpdate(rq.metadata, old.metadata);
  errs.push(...hardList(spec.hard, 'spec.hard'), ...scopes(spec), ...scopeSelector(spec));
  const a = [...new Set(strList(spec.scopes) ?? [])].sort();
  const b = [...new Set(strList(obj(old.spec).scopes) ?? [])].sort();
  if (JSON.stringify(a) !== JSON.stringify(b)) errs.push(invalid('spec.scopes', new GoLiteral(`[]core.ResourceQuotaScope${goStringSlice(strList(spec.scopes)).slice(8)}`), 'field is immutable'));
  return errs;
}

type Limits = Record<string, Map<string, Quantity>>;

function limitNames(item: JsonObject, type: string, p: Path): { errs: FieldError[]; q: Limits } {
  const errs: FieldError[] = [];
  const q: Limits = {};
  const nameFn = type === 'Pod' || type === 'Container' ? validateContainerResourceName : validateResourceName;
  const fields = type === 'Pod' ? ['max', 'min', 'maxLimitRequestRatio'] : ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'];
  for (const f of fields) {
    q[f] = new Map();
    for (const [k, v] of Object.entries(obj(item[f]))) {
      errs.push(...nameFn(k, key(child(p, f), k)));
      const parsed = quantityOf(v);
      if (parsed) q[f]!.set(k, parsed);
    }
  }
  return { errs, q };
}

function limitComparisons(q: Limits, k: string, p: Path): FieldError[] {
  const [min, max, def, req, ratio] = ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'].map((f) => q[f]?.get(k));
  const s = quantityString;
  const errs: FieldError[] = [];
  if (min && max && compareQuantity(min, max) > 0) errs.push(invalid(key(child(p, 'min'), k), goQuantity(min), `min value ${s(min)} is greater than max value ${s(max)}`));
  if (req && min && compareQuantity(min, req) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), goQuantity(req), `min value ${s(min)} is greater than default request value ${s(req)}`));
  if (req && max && compareQuantity(req, max) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), goQuantity(req), `default request value ${s(req)} is greater than max value ${s(max)}`));
  if (req && def && compareQuantity(req, def) > 0) errs.push(invalid(key(child(p, 'defaultRequest'), k), goQuantity(req), `default request value ${s(req)} is greater than default limit value ${s(def)}`));
  if (def && min && compareQuantity(min, def) > 0) errs.push(invalid(key(child(p, 'default'), k), goQuantity(min), `min value ${s(min)} is greater than default value ${s(def)}`));
  if (def && max && compareQuantity(def, max) > 0) errs.push(invalid(key(child(p, 'default'), k), goQuantity(max), `default value ${s(def)} is greater than max value ${s(max)}`));
  if (ratio && ratio.nano < 1_000_000_000n) errs.push(invalid(key(child(p, 'maxLimitRequestRatio'), k), goQuantity(ratio), `ratio ${s(ratio)} is less than 1`));
  return errs;
}

function limitItem(item: JsonObject, p: Path, types: Set<string>): FieldError[] {
  const type = str(item.type);
  const errs = isQualifiedName(type).map((m) => invalid(child(p, 'type'), type, m));
  if (!errs.length && !type.includes('/') && !['Pod', 'Container', 'PersistentVolumeClaim'].includes(type)) errs.push(invalid(child(p, 'type'), type, 'must be a standard limit type or fully qualified'));
  if (types.has(type)) errs.push(duplicate(child(p, 'type'), type));
  types.add(type);
  const { errs: nameErrs, q } = limitNames(item, type, p);
  errs.push(...nameErrs);
  if (type === 'Pod') {
    if (Object.keys(obj(item.default)).length) errs.push(forbidden(child(p, 'default'), "may not be specified when `type` is 'Pod'"));
    if (Object.keys(obj(item.defaultRequest)).length) errs.push(forbidden(child(p, 'defaultRequest'), "may not be specified when `type` is 'Pod'"));
  }
  if (type === 'PersistentVolumeClaim' && !q.min?.has('storage') && !q.max?.has('storage')) errs.push(required(child(p, 'limits'), 'either minimum or maximum storage value is required, but neither was provided'));
  const keys = new Set(Object.values(q).flatMap((m) => [...m.keys()]));
  for (const k of keys) errs.push(...limitComparisons(q, k, p));
  return errs;
}

export function validateLimitRange(lr: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(lr.metadata, old.metadata) : [];
  errs.push(...validateCoreObjectMeta(lr.metadata, true, nameIsDNSSubdomain));
  const types = new Set<string>();
  objs(obj(lr.spec).limits).forEach((item, i) => errs.push(...limitItem(item, index('spec.limits', i), types)));
  return errs;
}
