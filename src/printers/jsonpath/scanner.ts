// The rune cursor client-go's jsonpath parser walks with (next/peek/backup/consumeText), and its
// character classes. Positions are UTF-16 indexes; a rune is one code point.

export const EOF = null;
export type Rune = string | typeof EOF;

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsDigit. */
export const isDigit = (r: Rune): boolean => r !== EOF && DIGIT.test(r);

/** isAlphaNumeric: '_', a letter or a digit. */
export const isAlphaNumeric = (r: Rune): boolean => r !== EOF && (r === '_' || LETTER.test(r) || DIGIT.test(r));

export const isSpace = (r: Rune): boolean => r === ' ' || r === '\t';
export const isEndOfLine = (r: Rune): boolean => r === '\r' || r === '\n';

/** isTerminator: what may end a field name or an identifier. */
export function isTerminator(r: Rune): boolean {
  if (r === EOF || isSpace(r) || isEndOfLine(r)) return true;
  return '.,[]$@{}'.includes(r);
}

/** strconv.IsPrint, for runes. */
export const isPrint = (r: string): boolean => PRINTABLE.test(r);

/** fmt's %#U: `U+0023 '#'`, without the quoted rune when it is not printable. */
export function formatRuneU(r: string): string {
  const hex = r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

export class Scanner {
  pos = 0;
  start = 0;
  private width = 0;

  constructor(readonly input: string) {}

  next(): Rune {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  peek(): Rune {
    const r = this.next();
    this.backup();
    return r;
  }

  /** Steps back one rune; only once per next(). */
  backup(): void {
    this.pos -= this.width;
  }

  /** The text since the last consumeText. */
  consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  rest(): string {
    return this.input.slice(this.pos);
  }

  /** The UTF-16 unit two places back: the one before the rune just read (the escape check). */
  beforeLast(): string | undefined {
    return this.input[this.pos - 2];
  }
}
