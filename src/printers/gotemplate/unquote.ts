// strconv.Unquote for the template's string and character literals: "…" with Go escapes, `…`
// raw, '…' one rune. Throws "invalid syntax" as strconv does.

const SIMPLE: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

export class UnquoteError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

function hexRun(s: string, at: number, n: number): number {
  const h = s.slice(at, at + n);
  if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) throw new UnquoteError();
  return parseInt(h, 16);
}

/** One escape at s[at] (after the backslash): [text, next index]. */
function escape(s: string, at: number, quote: string): [string, number] {
  const c = s[at];
  if (c === undefined) throw new UnquoteError();
  if (SIMPLE[c] !== undefined) return [SIMPLE[c], at + 1];
  if (c === quote) return [c, at + 1];
  if (c === 'x') return [String.fromCharCode(hexRun(s, at + 1, 2)), at + 3];
  if (c === 'u' || c === 'U') {
    const n = c === 'u' ? 4 : 8;
    const cp = hexRun(s, at + 1, n);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new UnquoteError();
    return [String.fromCodePoint(cp), at + 1 + n];
  }
  if (c >= '0' && c <= '7') {
    const o = s.slice(at, at + 3);
    if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new UnquoteError();
    return [String.fromCharCode(parseInt(o, 8)), at + 3];
  }
  throw new UnquoteError();
}

function unquoteBody(body: string, quote: string): string {
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === quote || c === '\n') throw new UnquoteError();
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const [text, next] = escape(body, i + 1, quote);
    out += text;
    i = next;
  }
  return out;
}

/** strconv.Unquote. */
export function unquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) throw new UnquoteError();
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new UnquoteError();
    return body.replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new UnquoteError();
  const out = unquoteBody(body, q);
  if (q === "'" && [...out].length !== 1) throw new UnquoteError();
  return out;
}
