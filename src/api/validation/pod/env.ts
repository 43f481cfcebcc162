// Container env and envFrom (ValidateEnv, ValidateEnvFrom).
import type { FieldError } from '../../types.js';
import { child, index, invalid, required, type Path } from '../field.js';
import { has, obj, objs, str, type JsonObject } from '../json.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isConfigMapKey, isEnvVarName } from '../names.js';
import { ENV_FIELD_PATHS, validateObjectFieldSelector, validateResourceFieldSelector } from './downward.js';

function validateKeySelector(s: JsonObject, fld: Path): FieldError[] {
  const errs = nameIsDNSSubdomain(str(s.name), false).map((m) => invalid(child(fld, 'name'), str(s.name), m));
  const k = str(s.key);
  if (!k) errs.push(required(child(fld, 'key')));
  else errs.push(...isConfigMapKey(k).map((m) => invalid(child(fld, 'key'), k, m)));
  return errs;
}

function validateValueFrom(ev: JsonObject, fld: Path): FieldError[] {
  if (!has(ev, 'valueFrom')) return [];
  const vf = obj(ev.valueFrom);
  const errs: FieldError[] = [];
  let n = 0;
  if (has(vf, 'fieldRef')) n++, errs.push(...validateObjectFieldSelector(obj(vf.fieldRef), ENV_FIELD_PATHS, child(fld, 'fieldRef')));
  if (has(vf, 'resourceFieldRef')) n++, errs.push(...validateResourceFieldSelector(obj(vf.resourceFieldRef), child(fld, 'resourceFieldRef'), false));
  if (has(vf, 'configMapKeyRef')) n++, errs.push(...validateKeySelector(obj(vf.configMapKeyRef), child(fld, 'configMapKeyRef')));
  if (has(vf, 'secretKeyRef')) n++, errs.push(...validateKeySelector(obj(vf.secretKeyRef), child(fld, 'secretKeyRef')));
  if (n === 0) errs.push(invalid(fld, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (str(ev.value)) errs.push(invalid(fld, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(invalid(fld, '', 'may not have more than one field specified at a time'));
  return errs;
}

export function validateEnv(env: unknown, fld: Path): FieldError[] {
  return objs(env).flatMap((ev, i) => {
    const idx = index(fld, i);
    const name = str(ev.name);
    const errs = name ? isEnvVarName(name).map((m) => invalid(child(idx, 'name'), name, m)) : [required(child(idx, 'name'))];
    return [...errs, ...validateValueFrom(ev, child(idx, 'valueFrom'))];
  });
}

function validateEnvSourceRef(ref: JsonObject, fld: Path): FieldError[] {
  const name = str(ref.name);
  if (!name) return [required(child(fld, 'name'))];
  return nameIsDNSSubdomain(name, true).map((m) => invalid(child(fld, 'name'), name, m));
}

export function validateEnvFrom(envFrom: unknown, fld: Path): FieldError[] {
  return objs(envFrom).flatMap((ev, i) => {
    const idx = index(fld, i);
    const prefix = str(ev.prefix);
    const errs = prefix ? isEnvVarName(prefix).map((m) => invalid(child(idx, 'prefix'), prefix, m)) : [];
    let n = 0;
    if (has(ev, 'configMapRef')) n++, errs.push(...validateEnvSourceRef(obj(ev.configMapRef), child(idx, 'configMapRef')));
    if (has(ev, 'secretRef')) n++, errs.push(...validateEnvSourceRef(obj(ev.secretRef), child(idx, 'secretRef')));
    if (n === 0) errs.push(invalid(fld, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(fld, '', 'may not have more than one field specified at a time'));
    return errs;
  });
}
