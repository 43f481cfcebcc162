// The UnmarshalJSON methods of apimachinery's self-decoding types. Their errors end decoding at
// once. Those that come from the inner json.Unmarshal (Time's string, IntOrString's int32) are
// UnmarshalTypeErrors, so the outer decoder's addErrorContext gives them the field being decoded
// (sigs.k8s.io/json aliases encoding/json's type); the others (time.Parse, Quantity) stay bare.
//   resource.Quantity: ParseQuantity(strings.TrimSpace(unquoted text)) — ErrFormatWrong/ErrSuffix.
//   metav1.Time/MicroTime: json.Unmarshal into a string, then time.Parse(RFC3339) (go-time.ts).
//   intstr.IntOrString: a JSON string, or json.Unmarshal into an int32.

import { parseRfc3339 } from './go-time.js';

export const QUANTITY_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";
const SHAPE = /^[+-]?(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/;
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** The JSON kind word encoding/json puts in UnmarshalTypeError. */
export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

function quantityError(v: unknown): string | undefined {
  const text = (typeof v === 'string' ? v : JSON.stringify(v)).trim();
  const m = SHAPE.exec(text);
  if (text === '' || m === null || (m[1] === '' && (m[2] ?? '') === '')) return QUANTITY_FORMAT_WRONG;
  const suffix = m[3] ?? '';
  return SUFFIXES.has(suffix) || /^[eE][-+]?\d+$/.test(suffix) ? undefined : QUANTITY_SUFFIX;
}

/** An inner json.Unmarshal's type mismatch: what it could not decode, and into which Go type. */
export interface InnerTypeError { kind: string; goType: string }
export type SpecialError = string | InnerTypeError;

/** metav1.Time: a JSON string that time.Parse(time.RFC3339) takes (MicroTime's layout is not modelled). */
function timeError(type: string, v: unknown): SpecialError | undefined {
  if (typeof v !== 'string') return { kind: jsonKind(v), goType: 'string' };
  if (type !== '@time') return undefined;
  const t = parseRfc3339(v);
  return t.ok ? undefined : t.error;
}

function intOrStringError(v: unknown): SpecialError | undefined {
  if (typeof v === 'string') return undefined;
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? undefined : { kind: `number ${String(v)}`, goType: 'int32' };
  }
  return { kind: jsonKind(v), goType: 'int32' };
}

/** The error a self-decoding type's UnmarshalJSON returns for a non-null value. */
export function specialError(type: string, v: unknown): SpecialError | undefined {
  switch (type) {
    case '@quantity': return quantityError(v);
    case '@time':
    case '@microtime': return timeError(type, v);
    case '@intorstring': return intOrStringError(v);
    default: return undefined;
  }
}
