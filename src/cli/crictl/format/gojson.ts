// JSON as Go prints it: encoding/json (sorted map keys, <>& escaped) through json.Indent, and
// protojson's text (fields in proto order, no HTML escaping). Values are plain JSON-like data.
import { goJsonQuote } from '../../../printers/json.js';

export interface GoJsonOptions {
  sortKeys: boolean;
  /** encoding/json's HTML-safe escaping of <, > and &. */
  html: boolean;
  indent: string;
}

function quote(s: string, html: boolean): string {
  return html ? goJsonQuote(s) : JSON.stringify(s);
}

function scalar(v: unknown, html: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v, html);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return 'null';
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encode(v: unknown, o: GoJsonOptions, depth: number): string {
  const pad = o.indent.repeat(depth + 1);
  const close = o.indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => pad + encode(x, o, depth + 1)).join(',\n')}\n${close}]`;
  }
  if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
    let keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
    if (o.sortKeys) keys = keys.sort(byteCompare);
    if (keys.length === 0) return '{}';
    const entries = keys.map((k) => `${pad}${quote(k, o.html)}: ${encode((v as Record<string, unknown>)[k], o, depth + 1)}`);
    return `{\n${entries.join(',\n')}\n${close}}`;
  }
  return scalar(v, o.html);
}

/** json.Marshal + json.Indent(…, "", "  ") of a decoded value: what outputStatusData prints. */
export function goIndentedJson(v: unknown): string {
  return encode(v, { sortKeys: true, html: true, indent: '  ' }, 0);
}

/** protojson.MarshalOptions{Indent: "  "} text of an already ordered protojson value. */
export function protoJsonText(v: unknown): string {
  return encode(v, { sortKeys: false, html: false, indent: '  ' }, 0);
}
