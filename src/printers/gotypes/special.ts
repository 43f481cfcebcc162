// The UnmarshalJSON methods of apimachinery's self-decoding types. Their errors are not
// encoding/json's own: they end decoding at once, with no struct field context.
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

/** metav1.Time: a JSON string that time.Parse(time.RFC3339) takes (MicroTime's layout is not modelled). */
function timeError(type: string, v: unknown): string | undefined {
  if (typeof v !== 'string') return `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`;
  if (type !== '@time') return undefined;
  const t = parseRfc3339(v);
  return t.ok ? undefined : t.error;
}

function intOrStringError(v: unknown): string | undefined {
  if (typeof v === 'string') return undefined;
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? undefined : `json: cannot unmarshal number ${String(v)} into Go value of type int32`;
  }
  return `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`;
}

/** The error a self-decoding type's UnmarshalJSON returns for a non-null value. */
export function specialError(type: string, v: unknown): string | undefined {
  switch (type) {
    case '@quantity': return quantityError(v);
    case '@time':
    case '@microtime': return timeError(type, v);
    case '@intorstring': return intOrStringError(v);
    default: return undefined;
  }
}
