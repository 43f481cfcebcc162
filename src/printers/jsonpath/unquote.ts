// jsonpath.UnquoteExtend: strconv.Unquote that also takes single quotes. Escapes follow
// strconv.UnquoteChar (\a \b \f \n \r \t \v \\ \xHH \NNN \uHHHH \UHHHHHHHH, and the escaped quote
// only inside its own kind of quotes). Raw bytes from \x or octal escapes that do not form UTF-8
// decode to U+FFFD here (Go would write the bytes as they are).

export class UnquoteSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 };

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

function hexValue(digits: string): number {
  if (!/^[0-9a-fA-F]+$/.test(digits)) throw new UnquoteSyntaxError();
  return parseInt(digits, 16);
}

/** Decodes one escape (the text after the backslash); returns the bytes and the length used. */
function escape(s: string, quote: string): { bytes: number[]; used: number } {
  const c = s[0];
  if (c === undefined) throw new UnquoteSyntaxError();
  const simple = SIMPLE[c];
  if (simple !== undefined) return { bytes: [simple], used: 1 };
  const n = HEX_LEN[c];
  if (n !== undefined) {
    if (s.length < 1 + n) throw new UnquoteSyntaxError();
    const v = hexValue(s.slice(1, 1 + n));
    if (c === 'x') return { bytes: [v], used: 1 + n };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new UnquoteSyntaxError();
    return { bytes: utf8(String.fromCodePoint(v)), used: 1 + n };
  }
  if (c >= '0' && c <= '7') {
    const digits = s.slice(0, 3);
    if (!/^[0-7]{3}$/.test(digits)) throw new UnquoteSyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new UnquoteSyntaxError();
    return { bytes: [v], used: 3 };
  }
  if ((c === "'" || c === '"') && c === quote) return { bytes: [c.charCodeAt(0)], used: 1 };
  throw new UnquoteSyntaxError();
}

/** UnquoteExtend(s): s includes its quotes; throws UnquoteSyntaxError. */
export function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || (quote !== '"' && quote !== "'") || s[s.length - 1] !== quote) throw new UnquoteSyntaxError();
  let rest = s.slice(1, -1);
  if (!rest.includes('\\') && !rest.includes(quote)) return rest;
  const out: number[] = [];
  while (rest.length > 0) {
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    if (ch === quote) throw new UnquoteSyntaxError();
    if (ch !== '\\') {
      out.push(...utf8(ch));
      rest = rest.slice(ch.length);
      continue;
    }
    const e = escape(rest.slice(1), quote);
    out.push(...e.bytes);
    rest = rest.slice(1 + e.used);
  }
  return new TextDecoder().decode(new Uint8Array(out));
}
