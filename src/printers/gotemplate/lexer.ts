// text/template/parse's lexer (Go 1.23): text and actions between {{ }}, trim markers `{{- ` and
// ` -}}`, comments, and the tokens inside actions. Runs to the end (or the first error) at once;
// positions are UTF-16 indexes into the template text.
import { formatRuneU, isPrint } from '../jsonpath/scanner.js';
import { hasLeftTrim, hasRightTrim, isAlphaNumeric, isSpace, KEYWORDS, LEFT, RIGHT, trimLeftLen, trimRightLen, type Item, type ItemType } from './items.js';

export type { Item, ItemType } from './items.js';
export { itemString } from './items.js';

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

export class Lexer {
  readonly items: Item[] = [];
  private pos = 0;
  private start = 0;
  private parenDepth = 0;
  private mode: 'text' | 'action' = 'text';
  private lines = { pos: 0, line: 1 };

  constructor(private readonly input: string, private readonly options: LexOptions) {}

  run(): Item[] {
    let more = true;
    while (more) more = this.mode === 'text' ? this.lexText() : this.lexInsideAction();
    return this.items;
  }

  /** 1 + the newlines before pos (items come in order, so count on from the last one). */
  private lineAt(pos: number): number {
    if (pos < this.lines.pos) this.lines = { pos: 0, line: 1 };
    for (let i = this.lines.pos; i < pos; i++) if (this.input.charCodeAt(i) === 10) this.lines.line++;
    this.lines.pos = pos;
    return this.lines.line;
  }

  private emit(typ: ItemType, val = this.input.slice(this.start, this.pos)): void {
    this.items.push({ typ, pos: this.start, val, line: this.lineAt(this.start) });
    this.start = this.pos;
  }

  private errorf(msg: string): false {
    this.items.push({ typ: 'error', pos: this.start, val: msg, line: this.lineAt(this.start) });
    return false;
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += r.length;
    return r;
  }

  private peek(): string | undefined {
    return this.pos >= this.input.length ? undefined : String.fromCodePoint(this.input.codePointAt(this.pos)!);
  }

  private accept(valid: string): boolean {
    const r = this.peek();
    if (r !== undefined && valid.includes(r)) {
      this.pos += r.length;
      return true;
    }
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  private lexText(): boolean {
    const x = this.input.indexOf(LEFT, this.pos);
    if (x < 0) {
      this.pos = this.input.length;
      if (this.pos > this.start) this.emit('text');
      this.emit('EOF');
      return false;
    }
    if (x > this.pos) {
      this.pos = x;
      const trim = hasLeftTrim(this.input, x + LEFT.length) ? trimRightLen(this.input.slice(this.start, x)) : 0;
      this.pos -= trim;
      const text = this.input.slice(this.start, this.pos);
      if (text.length > 0) this.emit('text');
      this.pos = x;
      this.start = x;
    }
    return this.lexLeftDelim();
  }

  private lexLeftDelim(): boolean {
    this.pos += LEFT.length;
    const after = hasLeftTrim(this.input, this.pos) ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + after)) {
      this.pos += after;
      this.start = this.pos;
      return this.lexComment();
    }
    this.emit('leftDelim');
    this.pos += after;
    this.start = this.pos;
    this.parenDepth = 0;
    this.mode = 'action';
    return true;
  }

  private lexComment(): boolean {
    this.pos += 2;
    const x = this.input.indexOf('*/', this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + 2;
    const [delim, trim] = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    this.pos += (trim ? 2 : 0) + RIGHT.length;
    if (trim) this.pos += trimLeftLen(this.input.slice(this.pos));
    this.start = this.pos;
    return true;
  }

  private atRightDelim(): [boolean, boolean] {
    if (this.input.startsWith(RIGHT, this.pos)) return [true, false];
    if (hasRightTrim(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return [true, true];
    return [false, false];
  }

  private lexRightDelim(): boolean {
    const [, trim] = this.atRightDelim();
    if (trim) {
      this.pos += 2;
      this.start = this.pos;
    }
    this.pos += RIGHT.length;
    this.emit('rightDelim');
    if (trim) {
      this.pos += trimLeftLen(this.input.slice(this.pos));
      this.start = this.pos;
    }
    this.mode = 'text';
    return true;
  }

  /** One token inside an action; false when lexing stops. */
  private lexInsideAction(): boolean {
    const [delim] = this.atRightDelim();
    if (delim) return this.parenDepth === 0 ? this.lexRightDelim() : this.errorf('unclosed left paren');
    const r = this.next();
    if (r === undefined) return this.errorf('unclosed action');
    if (isSpace(r)) {
      this.pos -= r.length;
      return this.lexSpace();
    }
    return this.lexSymbol(r);
  }

  private lexSymbol(r: string): boolean {
    switch (r) {
      case '=':
        return this.emitTrue('assign');
      case ':':
        if (this.next() !== '=') return this.errorf('expected :=');
        return this.emitTrue('declare');
      case '|':
        return this.emitTrue('pipe');
      case '"':
        return this.lexQuote();
      case '`':
        return this.lexRawQuote();
      case '$':
        return this.lexVariable();
      case "'":
        return this.lexChar();
      case '(':
        this.parenDepth++;
        return this.emitTrue('leftParen');
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.emitTrue('rightParen');
    }
    if (r === '.') {
      const c = this.input[this.pos];
      if (this.pos < this.input.length && (c! < '0' || c! > '9')) return this.lexFieldOrVariable('field');
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      this.pos -= r.length;
      return this.lexNumber();
    }
    if (isAlphaNumeric(r)) {
      this.pos -= r.length;
      return this.lexIdentifier();
    }
    if (r.codePointAt(0)! <= 0x7f && isPrint(r)) return this.emitTrue('char');
    return this.errorf(`unrecognized character in action: ${formatRuneU(r)}`);
  }

  private emitTrue(t: ItemType): boolean {
    this.emit(t);
    return true;
  }

  private lexSpace(): boolean {
    let n = 0;
    while (isSpace(this.peek())) {
      this.pos++;
      n++;
    }
    if (hasRightTrim(this.input, this.pos - 1) && this.input.startsWith(RIGHT, this.pos + 1)) {
      this.pos--;
      if (n === 1) return true;
    }
    return this.emitTrue('space');
  }

  private atTerminator(): boolean {
    const r = this.peek();
    if (r === undefined || isSpace(r) || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  private lexIdentifier(): boolean {
    while (isAlphaNumeric(this.peek())) this.next();
    if (!this.atTerminator()) return this.badChar();
    const word = this.input.slice(this.start, this.pos);
    if (KEYWORDS.has(word)) {
      const off = (word === 'break' && !this.options.breakOK) || (word === 'continue' && !this.options.continueOK);
      return this.emitTrue(off ? 'identifier' : (word as ItemType));
    }
    if (word === 'true' || word === 'false') return this.emitTrue('bool');
    return this.emitTrue('identifier');
  }

  private badChar(): false {
    const r = this.next();
    return this.errorf(`bad character ${formatRuneU(r ?? '')}`);
  }

  private lexVariable(): boolean {
    if (this.atTerminator()) return this.emitTrue('variable');
    return this.lexFieldOrVariable('variable');
  }

  private lexFieldOrVariable(typ: 'field' | 'variable'): boolean {
    if (this.atTerminator()) return this.emitTrue(typ === 'variable' ? 'variable' : 'dot');
    while (isAlphaNumeric(this.peek())) this.next();
    if (!this.atTerminator()) return this.badChar();
    return this.emitTrue(typ);
  }

  private lexChar(): boolean {
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        const e = this.next();
        if (e !== undefined && e !== '\n') continue;
      }
      if (r === undefined || r === '\n' || r === '\\') return this.errorf('unterminated character constant');
      if (r === "'") return this.emitTrue('charConstant');
    }
  }

  private lexQuote(): boolean {
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        const e = this.next();
        if (e !== undefined && e !== '\n') continue;
      }
      if (r === undefined || r === '\n' || r === '\\') return this.errorf('unterminated quoted string');
      if (r === '"') return this.emitTrue('string');
    }
  }

  private lexRawQuote(): boolean {
    const x = this.input.indexOf('`', this.pos);
    if (x < 0) return this.errorf('unterminated raw quoted string');
    this.pos = x + 1;
    return this.emitTrue('rawString');
  }

  private lexNumber(): boolean {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${JSON.stringify(this.input.slice(this.start, this.pos))}`);
    return this.emitTrue('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}
