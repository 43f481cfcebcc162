// encoding/json's Marshal and MarshalIndent of decoded JSON (map[string]interface{} trees): keys
// sorted byte-wise, `<`, `>`, `&`, U+2028 and U+2029 escaped as \u00XX, numbers as Go writes
// int64 and float64 (the same text JavaScript gives for every finite number).

import { isMap, sortedKeys } from './values.js';

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

/** A JSON string literal as encoding/json writes it. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(v: unknown, indent: string | null, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  const items = Array.isArray(v)
    ? v.map((x) => encode(x, indent, depth + 1))
    : isMap(v)
      ? sortedKeys(v).map((k) => `${goJsonString(k)}:${indent === null ? '' : ' '}${encode(v[k], indent, depth + 1)}`)
      : [];
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (indent === null) return open + items.join(',') + close;
  const inner = `\n${indent.repeat(depth + 1)}`;
  return `${open}${inner}${items.join(`,${inner}`)}\n${indent.repeat(depth)}${close}`;
}

/** json.Marshal. */
export const goJsonMarshal = (v: unknown): string => encode(v, null, 0);

/** json.MarshalIndent(v, "", indent). */
export const goJsonMarshalIndent = (v: unknown, indent: string): string => encode(v, indent, 0);
