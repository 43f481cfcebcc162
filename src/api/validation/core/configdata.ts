// ConfigMap and Secret (ValidateConfigMap[Update], ValidateSecret[Update]).
import type { FieldError, KObject } from '../../types.js';
import { forbidden, invalid, key, required, tooLong } from '../field.js';
import { obj, semanticEqual, str, strMap } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isConfigMapKey } from '../names.js';

const MAX_SIZE = 1024 * 1024;

const base64Length = (v: string): number => Buffer.from(v, 'base64').length;

export function validateConfigMap(cm: KObject): FieldError[] {
  const errs = validateCoreObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  const data = obj(cm.data);
  const binary = obj(cm.binaryData);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('data', k), k, m)));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(str(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('binaryData', k), k, m)));
    total += base64Length(str(v));
  }
  if (total > MAX_SIZE) errs.push(tooLong('', MAX_SIZE));
  return errs;
}

function immutableData(o: KObject, old: KObject, fields: readonly string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs = o.immutable === true ? [] : [forbidden('immutable', 'field is immutable when `immutable` is set')];
  return [...errs, ...fields.filter((f) => !semanticEqual(o[f], old[f])).map((f) => forbidden(f, 'field is immutable when `immutable` is set'))];
}

export function validateConfigMapUpdate(cm: KObject, old: KObject): FieldError[] {
  return [...validateCoreObjectMetaUpdate(cm.metadata, old.metadata), ...immutableData(cm, old, ['data', 'binaryData']), ...validateConfigMap(cm)];
}

/** Secret data as the apiserver sees it: data merged with stringData (which conversion folds in). */
function secretData(s: KObject): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(obj(s.data))) m.set(k, base64Length(str(v)));
  for (const [k, v] of Object.entries(obj(s.stringData))) m.set(k, Buffer.byteLength(str(v)));
  return m;
}

function jsonKey(s: KObject, k: string, data: Map<string, number>): FieldError[] {
  if (!data.has(k)) return [required(key('data', k))];
  const raw = obj(s.stringData)[k] !== undefined ? str(obj(s.stringData)[k]) : Buffer.from(str(obj(s.data)[k]), 'base64').toString('utf8');
  try {
    JSON.parse(raw);
    return [];
  } catch {
    const c = raw.trim().charAt(0);
    const msg = c && !/[{["0-9tfn-]/.test(c) ? `invalid character '${c}' looking for beginning of value` : 'unexpected end of JSON input';
    return [invalid(key('data', k), '<secret contents redacted>', msg)];
  }
}

function typeSpecific(s: KObject, data: Map<string, number>): FieldError[] {
  switch (str(s.type)) {
    case 'kubernetes.io/service-account-token':
      return str((strMap(s.metadata.annotations) ?? {})['kubernetes.io/service-account.name']) ? [] : [required('metadata.annotations[kubernetes.io/service-account.name]')];
    case 'kubernetes.io/dockercfg': return jsonKey(s, '.dockercfg', data);
    case 'kubernetes.io/dockerconfigjson': return jsonKey(s, '.dockerconfigjson', data);
    case 'kubernetes.io/basic-auth':
      return data.has('username') || data.has('password') ? [] : [required(key('data', 'username')), required(key('data', 'password'))];
    case 'kubernetes.io/ssh-auth': return data.get('ssh-privatekey') ? [] : [required(key('data', 'ssh-privatekey'))];
    case 'kubernetes.io/tls':
      return ['tls.crt', 'tls.key'].filter((k) => !data.has(k)).map((k) => required(key('data', k)));
    default: return [];
  }
}

export function validateSecret(s: KObject): FieldError[] {
  const errs = validateCoreObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  const data = secretData(s);
  let total = 0;
  for (const [k, size] of data) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(key('data', k), k, m)));
    total += size;
  }
  if (total > MAX_SIZE) errs.push(tooLong('data', MAX_SIZE));
  return [...errs, ...typeSpecific(s, data)];
}

export function validateSecretUpdate(s: KObject, old: KObject): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(s.metadata, old.metadata);
  errs.push(...validateImmutableField(str(s.type), str(old.type), 'type'));
  return [...errs, ...immutableData(s, old, ['data']), ...validateSecret(s)];
}
