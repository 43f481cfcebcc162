// The emitter's output position, as go-yaml v2 tracks it: the column counts characters, and the
// whitespace/indention flags decide when an indicator needs a space or a new line.

export const BEST_INDENT = 2;
export const BEST_WIDTH = 80;

export class Output {
  private out = '';
  column = 0;
  /** The last thing written was whitespace (or nothing). */
  whitespace = true;
  /** Only indentation has been written on this line so far. */
  indention = true;
  indent = -1;
  private readonly indents: number[] = [];

  text(): string {
    return this.out;
  }

  put(s: string): void {
    this.out += s;
    this.column += s.length;
  }

  putCodePoint(cp: number): void {
    this.out += String.fromCodePoint(cp);
    this.column += 1;
  }

  /** Text without line breaks, `length` code points long. */
  putText(text: string, length: number): void {
    this.out += text;
    this.column += length;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: LF becomes the emitter's line break, other breaks are copied as they are. */
  writeBreak(cp: number): void {
    if (cp === 0x0a) {
      this.putBreak();
      return;
    }
    this.putCodePoint(cp);
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }
}
