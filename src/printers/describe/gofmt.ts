// Go's fmt verbs as describe uses them on values it did not format itself: %v of a []string
// (`[a b]`), %q of a string, %v of JSON numbers and of an IntOrString, url.URL's path escaping.
import { goFloat } from '../gofloat.js';
import { goQuote } from '../go-quote.js';

export { goQuote };

/** %v of a []string: `[a b c]`, `[]` when empty or nil. */
export function goList(values: unknown): string {
  const list = Array.isArray(values) ? values.map((v) => goValue(v)) : [];
  return `[${list.join(' ')}]`;
}

/** %v of an unstructured JSON value (int64 for whole numbers, float64 otherwise). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : goFloat(v);
  if (Array.isArray(v)) return goList(v);
  return `map[${Object.keys(v as object).sort().map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
}

/** IntOrString.String(): the number or the name. */
export function intOrString(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return '0';
}

function shouldEscapePath(c: string): boolean {
  if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c)) return false;
  return true;
}

/** url.URL.EscapedPath for a path that has no RawPath. */
export function escapePath(path: string): string {
  let out = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && !shouldEscapePath(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export { goFloat };
