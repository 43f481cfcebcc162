// kubectl's `-o json` (cli-runtime JSONPrinter): Go's json.MarshalIndent with four spaces and a
// final newline. Go escapes <, > and & as \u003c, \u003e, \u0026, U+2028/U+2029 as \u2028/\u2029,
// control characters as \b \f \n \r \t or \u00XX (lower-case hex), and leaves other non-ASCII
// text, DEL included, as it is. Map keys are sorted in byte order, which is what kubectl prints
// for every object it decoded; objects kubectl builds itself (create/run --dry-run=client) keep
// their Go struct field order: pass { sortKeys: false } with the fields already in that order.

export interface KubectlJsonOptions {
  /** Sort object keys as Go sorts map keys (default true). */
  sortKeys?: boolean;
}

/** Go's string order (UTF-8 bytes), which is code point order, not UTF-16 order. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const SHORT: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

function escapeChar(ch: string): string {
  const short = SHORT[ch];
  if (short !== undefined) return short;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
  if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
    return `\\u${cp.toString(16).padStart(4, '0')}`;
  }
  return ch;
}

/** A string as Go's encoding/json writes it (HTML-safe escaping on, lone surrogates → U+FFFD). */
export function goJsonQuote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) out += escapeChar(ch);
  return `${out}"`;
}

/** The value JSON.stringify would write for v, or undefined when it would leave it out. */
function jsonScalar(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'bigint':
      return v.toString();
    case 'string':
      return goJsonQuote(v);
    default:
      return undefined;
  }
}

/** Objects (not arrays) as [key, value] pairs without undefined or function values. */
export function jsonEntries(v: object, sortKeys: boolean): Array<[string, unknown]> {
  const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  return sortKeys ? entries.sort(([a], [b]) => compareCodePoints(a, b)) : entries;
}

/** Unwraps toJSON() (dates and the like) the way JSON.stringify does. */
export function toJsonValue(v: unknown): unknown {
  const withToJson = v as { toJSON?: unknown } | null;
  if (typeof v === 'object' && withToJson !== null && typeof withToJson.toJSON === 'function') {
    return (withToJson.toJSON as () => unknown)();
  }
  return v;
}

function encode(raw: unknown, indent: string, sortKeys: boolean): string {
  const v = toJsonValue(raw);
  const scalar = jsonScalar(v);
  if (scalar !== undefined) return scalar;
  if (typeof v !== 'object' || v === null) return 'null';
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x: unknown) => `${inner}${encode(x, inner, sortKeys)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = jsonEntries(v, sortKeys);
  if (entries.length === 0) return '{}';
  const fields = entries.map(([k, x]) => `${inner}${goJsonQuote(k)}: ${encode(x, inner, sortKeys)}`);
  return `{\n${fields.join(',\n')}\n${indent}}`;
}

/** What `kubectl … -o json` prints for one object (a parsed JSON value). */
export function toKubectlJson(value: unknown, options: KubectlJsonOptions = {}): string {
  return `${encode(value, '', options.sortKeys ?? true)}\n`;
}
