// A custom resource checked against its CRD's openAPIV3Schema as kube-openapi's SchemaValidator
// checks it ("in body"), each failure turned into a field error as apiextensions-apiserver's
// kubeOpenAPIResultToFieldErrors turns it (v0.32): type, then string, number, list, enum and
// object rules, children before the object's own required fields. Properties are visited in
// sorted order (upstream ranges over a Go map).
import type { FieldError } from '../types.js';
import { invalid, notSupported, required, tooLong, tooMany } from '../validation/field.js';
import { formatGoValue } from '../validation/govalue.js';
import { isObject, jsonType, type JSONSchemaProps } from './schema.js';

const IN = 'body';
const num = (n: number): string => formatGoValue(n);

/** field.TypeInvalid with go-openapi's InvalidType message (`… must be of type integer: "string"`). */
function typeInvalid(path: string, want: string, got: string): FieldError {
  return { ...invalid(path, got, `${path} in ${IN} must be of type ${want}: ${JSON.stringify(got)}`), type: 'TypeInvalid' };
}

function typeMatches(s: JSONSchemaProps, v: unknown): boolean {
  const t = jsonType(v);
  if (s['x-kubernetes-int-or-string']) return t === 'integer' || t === 'string';
  if (!s.type) return true;
  return s.type === t || (s.type === 'number' && t === 'integer');
}

function checkString(path: string, s: JSONSchemaProps, v: string): FieldError | undefined {
  const len = [...v].length;
  if (s.maxLength !== undefined && len > s.maxLength) return tooLong(path, s.maxLength);
  if (s.minLength !== undefined && len < s.minLength) return invalid(path, v, `${path} in ${IN} should be at least ${s.minLength} chars long`);
  if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) return invalid(path, v, `${path} in ${IN} should match '${s.pattern}'`);
  return undefined;
}

function checkNumber(path: string, s: JSONSchemaProps, v: number): FieldError[] {
  const out: FieldError[] = [];
  if (s.multipleOf !== undefined && s.multipleOf !== 0 && !Number.isInteger(v / s.multipleOf)) out.push(invalid(path, v, `${path} in ${IN} should be a multiple of ${num(s.multipleOf)}`));
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
    out.push(invalid(path, v, `${path} in ${IN} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${num(s.maximum)}`));
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
    out.push(invalid(path, v, `${path} in ${IN} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${num(s.minimum)}`));
  }
  return out;
}

function checkArray(path: string, s: JSONSchemaProps, v: unknown[]): FieldError[] {
  const out: FieldError[] = [];
  if (s.items) v.forEach((x, i) => out.push(...validateValue(`${path}[${i}]`, s.items!, x)));
  if (s.minItems !== undefined && v.length < s.minItems) out.push(invalid(path, v.length, `${path} in ${IN} should have at least ${s.minItems} items`));
  if (s.maxItems !== undefined && v.length > s.maxItems) out.push(tooMany(path, v.length, s.maxItems));
  if (s.uniqueItems && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) out.push(invalid(path, '', `${path} in ${IN} shouldn't contain duplicates`));
  return out;
}

const enumText = (e: unknown): string => (typeof e === 'string' ? e : JSON.stringify(e));

function checkObject(path: string, s: JSONSchemaProps, v: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  const n = Object.keys(v).length;
  if (s.minProperties !== undefined && n < s.minProperties) out.push(invalid(path, n, `${path} in ${IN} should have at least ${s.minProperties} properties`));
  if (s.maxProperties !== undefined && n > s.maxProperties) out.push(tooMany(path, n, s.maxProperties));
  const at = (k: string) => (path ? `${path}.${k}` : k);
  for (const k of Object.keys(v).sort()) {
    if (s.properties?.[k]) continue;
    if (s.additionalProperties === false) out.push(invalid(path, k, `${path}.${k} in ${IN} is a forbidden property`));
    else if (isObject(s.additionalProperties)) out.push(...validateValue(at(k), s.additionalProperties as JSONSchemaProps, v[k]));
  }
  for (const k of Object.keys(s.properties ?? {}).sort()) if (k in v) out.push(...validateValue(at(k), s.properties![k]!, v[k]));
  for (const k of s.required ?? []) if (!(k in v)) out.push(required(at(k)));
  return out;
}

/** The field errors of one value at path ('' for the object itself). */
export function validateValue(path: string, s: JSONSchemaProps, v: unknown): FieldError[] {
  if (v === null || v === undefined) {
    if ((s.type || s['x-kubernetes-int-or-string']) && !s.nullable) return [typeInvalid(path, s.type ?? 'integer,string', 'null')];
    return [];
  }
  if (!typeMatches(s, v)) return [typeInvalid(path, s.type ?? 'integer,string', jsonType(v))];
  const out: FieldError[] = [];
  if (typeof v === 'string') {
    const e = checkString(path, s, v);
    if (e) out.push(e);
  } else if (typeof v === 'number') out.push(...checkNumber(path, s, v));
  else if (Array.isArray(v)) out.push(...checkArray(path, s, v));
  if (s.enum?.length && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) out.push(notSupported(path, v, s.enum.map(enumText)));
  if (isObject(v)) out.push(...checkObject(path, s, v));
  return out;
}
