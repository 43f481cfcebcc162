// Decoding a request body the way Go's encoding/json does, so that a malformed body is reported
// with Go's own words ("invalid character 'x' looking for beginning of value",
// "unexpected end of JSON input"): a byte-at-a-time validity scan with the states of
// encoding/json's scanner, then JSON.parse.

import type { JsonValue } from './values.js';

export class GoJsonSyntaxError extends Error {
  override readonly name = 'GoJsonSyntaxError';
}

type Step = (c: number) => void;
type Frame = 'objectKey' | 'objectValue' | 'arrayValue';

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean =>
  isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const SIMPLE_ESCAPES = new Set([...'bfnrt\\/"'].map((ch) => ch.charCodeAt(0)));

const QUOTE_ESCAPES: Record<number, string> = {
  7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\',
};

/** encoding/json's quoteChar: the byte as a rune, in single quotes, strconv.Quote-escaped. */
export function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const esc = QUOTE_ESCAPES[c];
  if (esc !== undefined) return `'${esc}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c >= 0x80 && c <= 0xa0) return `'\\u00${c.toString(16)}'`;
  if (c === 0xad) return `'\\u00ad'`;
  return `'${String.fromCharCode(c)}'`;
}

class Scanner {
  private readonly stack: Frame[] = [];
  private step: Step = (c) => this.beginValue(c);
  endTop = false;

  private fail(c: number, context: string): never {
    throw new GoJsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }

  feed(c: number): void {
    this.step(c);
  }

  beginValue(c: number): void {
    if (isSpace(c)) return;
    const ch = String.fromCharCode(c);
    if (ch === '{') return this.push('objectKey', (x) => this.beginStringOrEmpty(x));
    if (ch === '[') return this.push('arrayValue', (x) => this.beginValueOrEmpty(x));
    if (ch === '"') return void (this.step = (x) => this.inString(x));
    if (ch === '-') return void (this.step = (x) => this.neg(x));
    if (ch === '0') return void (this.step = (x) => this.zero(x));
    if (c >= 0x31 && c <= 0x39) return void (this.step = (x) => this.digits(x));
    if (ch === 't') return this.literal('true', 1);
    if (ch === 'f') return this.literal('false', 1);
    if (ch === 'n') return this.literal('null', 1);
    this.fail(c, 'looking for beginning of value');
  }

  private push(frame: Frame, next: Step): void {
    this.stack.push(frame);
    this.step = next;
  }

  private beginValueOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x5d) return this.endValue(c);
    this.beginValue(c);
  }

  private beginStringOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = 'objectValue';
      return this.endValue(c);
    }
    this.beginString(c);
  }

  private beginString(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x22) return void (this.step = (x) => this.inString(x));
    this.fail(c, 'looking for beginning of object key string');
  }

  private endValue(c: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) {
      this.endTop = true;
      return this.endOfTop(c);
    }
    if (isSpace(c)) return void (this.step = (x) => this.endValue(x));
    this.endValueIn(frame, c);
  }

  private endValueIn(frame: Frame, c: number): void {
    if (frame === 'objectKey') {
      if (c !== 0x3a) this.fail(c, 'after object key');
      this.stack[this.stack.length - 1] = 'objectValue';
      return void (this.step = (x) => this.beginValue(x));
    }
    const close = frame === 'objectValue' ? 0x7d : 0x5d;
    if (c === 0x2c) {
      if (frame === 'objectValue') this.stack[this.stack.length - 1] = 'objectKey';
      this.step = frame === 'objectValue' ? (x) => this.beginString(x) : (x) => this.beginValue(x);
      return;
    }
    if (c !== close) {
      this.fail(c, frame === 'objectValue' ? 'after object key:value pair' : 'after array element');
    }
    this.stack.pop();
    this.step = (x) => this.endValue(x);
  }

  private endOfTop(c: number): void {
    this.step = (x) => this.endOfTop(x);
    if (!isSpace(c)) this.fail(c, 'after top-level value');
  }

  private inString(c: number): void {
    if (c === 0x22) return void (this.step = (x) => this.endValue(x));
    if (c === 0x5c) return void (this.step = (x) => this.inEscape(x));
    if (c < 0x20) this.fail(c, 'in string literal');
  }

  private inEscape(c: number): void {
    if (SIMPLE_ESCAPES.has(c)) return void (this.step = (x) => this.inString(x));
    if (c === 0x75) return void (this.step = (x) => this.inHex(x, 4));
    this.fail(c, 'in string escape code');
  }

  private inHex(c: number, left: number): void {
    if (!isHex(c)) this.fail(c, 'in \\u hexadecimal character escape');
    this.step = left === 1 ? (x) => this.inString(x) : (x) => this.inHex(x, left - 1);
  }

  private neg(c: number): void {
    if (c === 0x30) return void (this.step = (x) => this.zero(x));
    if (c >= 0x31 && c <= 0x39) return void (this.step = (x) => this.digits(x));
    this.fail(c, 'in numeric literal');
  }

  private digits(c: number): void {
    if (!isDigit(c)) this.zero(c);
  }

  private zero(c: number): void {
    if (c === 0x2e) return void (this.step = (x) => this.dot(x));
    if (c === 0x65 || c === 0x45) return void (this.step = (x) => this.exp(x));
    this.endValue(c);
  }

  private dot(c: number): void {
    if (!isDigit(c)) this.fail(c, 'after decimal point in numeric literal');
    this.step = (x) => this.fraction(x);
  }

  private fraction(c: number): void {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) return void (this.step = (x) => this.exp(x));
    this.endValue(c);
  }

  private exp(c: number): void {
    if (c === 0x2b || c === 0x2d) return void (this.step = (x) => this.expSign(x));
    this.expSign(c);
  }

  private expSign(c: number): void {
    if (!isDigit(c)) this.fail(c, 'in exponent of numeric literal');
    this.step = (x) => (isDigit(x) ? undefined : this.endValue(x));
  }

  private literal(word: string, at: number): void {
    this.step = (c) => {
      const want = word.charCodeAt(at);
      if (c !== want) this.fail(c, `in literal ${word} (expecting ${quoteChar(want)})`);
      if (at + 1 === word.length) this.step = (x) => this.endValue(x);
      else this.literal(word, at + 1);
    };
  }
}

/** encoding/json's checkValid: throws GoJsonSyntaxError with Go's message for the bad byte. */
export function checkValidJson(body: Buffer): void {
  const scanner = new Scanner();
  for (const c of body) scanner.feed(c);
  if (scanner.endTop) return;
  scanner.feed(0x20);
  if (!scanner.endTop) throw new GoJsonSyntaxError('unexpected end of JSON input');
}

/** Parses a body as Go would: syntax errors in Go's words, then the value. */
export function parseGoJson(body: Buffer): JsonValue {
  checkValidJson(body);
  return JSON.parse(body.toString('utf8')) as JsonValue;
}

/** What encoding/json calls a JSON value's type in an UnmarshalTypeError. */
export function jsonTypeWord(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}
