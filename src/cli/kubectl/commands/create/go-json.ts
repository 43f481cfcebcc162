// encoding/json's output for a typed object: struct fields in the order held, map keys sorted in
// byte order (JS keeps integer-like keys first, so Go maps are sorted here explicitly), indented
// by four spaces as kubectl's JSON printer does, or compact as runtime.Encode writes it.
import { compareCodePoints, goJsonQuote } from '../../../../printers/json.js';
import { isGoMap } from './go-typed.js';

function entries(v: object): [string, unknown][] {
  const list = Object.entries(v).filter(([, x]) => x !== undefined);
  return isGoMap(v) ? list.sort(([a], [b]) => compareCodePoints(a, b)) : list;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return goJsonQuote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v !== 'object' || v === null) return 'null';
  return undefined;
}

export function goCompactJson(v: unknown): string {
  const s = scalar(v);
  if (s !== undefined) return s;
  if (Array.isArray(v)) return `[${v.map(goCompactJson).join(',')}]`;
  return `{${entries(v as object).map(([k, x]) => `${goJsonQuote(k)}:${goCompactJson(x)}`).join(',')}}`;
}

function indented(v: unknown, indent: string): string {
  const s = scalar(v);
  if (s !== undefined) return s;
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${inner}${indented(x, inner)}`).join(',\n')}\n${indent}]`;
  }
  const list = entries(v as object);
  if (list.length === 0) return '{}';
  return `{\n${list.map(([k, x]) => `${inner}${goJsonQuote(k)}: ${indented(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** json.MarshalIndent(v, "", "    ") and the printer's final newline. */
export function goIndentJson(v: unknown): string {
  return `${indented(v, '')}\n`;
}

/** json.Marshal of a map[string]string (or of []byte values already in base64): keys sorted. */
export function goStringMapJson(m: Record<string, string>): string {
  const keys = Object.keys(m).sort(compareCodePoints);
  return `{${keys.map((k) => `${goJsonQuote(k)}:${goJsonQuote(m[k]!)}`).join(',')}}`;
}
