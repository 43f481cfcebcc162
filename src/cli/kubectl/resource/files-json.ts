// A stream of JSON documents as Go's json.Decoder reads them (kubectl's YAMLOrJSONDecoder picks
// it when the input starts with `{`): values one after another, and encoding/json's scanner
// errors — `json: offset 68: invalid character '}' looking for beginning of object key string`,
// `unexpected EOF` — with the offset counted from the start of the stream.

type Frame = 'objectKey' | 'objectValue' | 'array';

export class JsonStreamError extends Error {}

/** encoding/json's quoteChar: `'x'`, `'\n'`, `'\''`, `'"'`. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);

class Scanner {
  private stack: Frame[] = [];
  pos: number;

  constructor(private readonly text: string, start: number) {
    this.pos = start;
  }

  private fail(context: string): never {
    const c = this.text[this.pos];
    if (c === undefined) throw new JsonStreamError('unexpected EOF');
    throw new JsonStreamError(`json: offset ${this.pos + 1}: invalid character ${quoteChar(c)} ${context}`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text[this.pos]!)) this.pos++;
  }

  /** Scans one complete value starting at pos (leading space allowed); returns its end. */
  value(): number {
    this.skipSpace();
    this.beginValue();
    for (;;) {
      if (this.stack.length === 0) return this.pos;
      this.endValue();
    }
  }

  private beginValue(): void {
    const c = this.text[this.pos];
    if (c === '{') {
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === '}') { this.pos++; return; }
      this.stack.push('objectKey');
      return this.key();
    }
    if (c === '[') {
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === ']') { this.pos++; return; }
      this.stack.push('array');
      this.skipSpace();
      return this.beginValue();
    }
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && isDigit(c))) return this.number();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    this.fail('looking for beginning of value');
  }

  private key(): void {
    this.skipSpace();
    if (this.text[this.pos] !== '"') this.fail('looking for beginning of object key string');
    this.string();
  }

  private endValue(): void {
    this.skipSpace();
    const top = this.stack[this.stack.length - 1]!;
    const c = this.text[this.pos];
    if (top === 'objectKey') {
      if (c !== ':') this.fail('after object key');
      this.pos++;
      this.stack[this.stack.length - 1] = 'objectValue';
      this.skipSpace();
      return this.beginValue();
    }
    const close = top === 'array' ? ']' : '}';
    if (c === ',') {
      this.pos++;
      this.skipSpace();
      if (top === 'array') return this.beginValue();
      this.stack[this.stack.length - 1] = 'objectKey';
      return this.key();
    }
    if (c === close) {
      this.pos++;
      this.stack.pop();
      return;
    }
    this.fail(top === 'array' ? 'after array element' : 'after object key:value pair');
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('');
      if (c === '"') { this.pos++; return; }
      if (c === '\\') {
        this.pos++;
        this.escape();
        continue;
      }
      if (c < ' ') this.fail('in string literal');
      this.pos++;
    }
  }

  private escape(): void {
    const c = this.text[this.pos];
    if (c === undefined) this.fail('');
    if ('bfnrt\\/"'.includes(c)) { this.pos++; return; }
    if (c !== 'u') this.fail('in string escape code');
    this.pos++;
    for (let i = 0; i < 4; i++) {
      const h = this.text[this.pos];
      if (h === undefined) this.fail('');
      if (!isHex(h)) this.fail('in \\u hexadecimal character escape');
      this.pos++;
    }
  }

  private digits(): void {
    while (this.pos < this.text.length && isDigit(this.text[this.pos]!)) this.pos++;
  }

  private number(): void {
    if (this.text[this.pos] === '-') {
      this.pos++;
      const c = this.text[this.pos];
      if (c === undefined || !isDigit(c)) this.fail('in numeric literal');
    }
    if (this.text[this.pos] === '0') this.pos++;
    else this.digits();
    if (this.text[this.pos] === '.') {
      this.pos++;
      const c = this.text[this.pos];
      if (c === undefined || !isDigit(c)) this.fail('after decimal point in numeric literal');
      this.digits();
    }
    const e = this.text[this.pos];
    if (e === 'e' || e === 'E') {
      this.pos++;
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++;
      const c = this.text[this.pos];
      if (c === undefined || !isDigit(c)) this.fail('in exponent of numeric literal');
      this.digits();
    }
  }

  private literal(word: string): void {
    for (let i = 0; i < word.length; i++) {
      if (this.text[this.pos] !== word[i]) this.fail(`in literal ${word} (expecting ${quoteChar(word[i]!)})`);
      this.pos++;
    }
  }
}

export interface JsonDoc {
  /** the value's text exactly as it appears in the stream */
  raw: string;
  value: unknown;
}

/** Reads JSON values one after another; the docs read before a syntax error, then the error. */
export function decodeJsonStream(text: string): { docs: JsonDoc[]; error?: Error } {
  const docs: JsonDoc[] = [];
  let at = 0;
  for (;;) {
    while (at < text.length && isSpace(text[at]!)) at++;
    if (at >= text.length) return { docs };
    try {
      const end = new Scanner(text, at).value();
      const raw = text.slice(at, end);
      docs.push({ raw, value: JSON.parse(raw) as unknown });
      at = end;
    } catch (err) {
      return { docs, error: err as Error };
    }
  }
}
