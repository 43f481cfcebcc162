// Go's text/tabwriter (align cells separated by '\t'), as the Go CLIs we copy format their help.
// Cells are text runs ended by a tab; the text after a line's last tab is not aligned. kubectl's
// own is liggitt/tabwriter with RememberWidths: a column is never narrower than it was in an
// earlier flush (RememberingTabwriter).

export interface TabOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
}

type Line = string[];

function cellWidth(text: string): number {
  return [...text].length;
}

class Formatter {
  private out = '';
  private readonly widths: number[] = [];

  constructor(private readonly lines: Line[], private readonly o: TabOptions, private readonly maxWidths?: number[]) {}

  private padding(textw: number, cellw: number): string {
    if (this.o.padchar === '\t') {
      const rounded = Math.ceil(cellw / this.o.tabwidth) * this.o.tabwidth;
      return '\t'.repeat(Math.ceil((rounded - textw) / this.o.tabwidth));
    }
    return this.o.padchar.repeat(cellw - textw);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((cell, j) => {
        this.out += cell;
        if (j < line.length - 1 && j < this.widths.length) this.out += this.padding(cellWidth(cell), this.widths[j]!);
      });
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }

  format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let at = line0; at < line1; at++) {
      if (column >= this.lines[at]!.length - 1) continue;
      this.writeLines(line0, at);
      line0 = at;
      let width = this.o.minwidth;
      for (; at < line1; at++) {
        const line = this.lines[at]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, cellWidth(line[column]!) + this.o.padding);
      }
      if (this.maxWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, at);
      this.widths.pop();
      line0 = at;
    }
    this.writeLines(line0, line1);
  }

  /** RememberWidths: the widest this column has been, kept across flushes. */
  private remember(width: number): number {
    const max = this.maxWidths!;
    const column = this.widths.length;
    if (max.length < column) max.push(...this.widths.slice(max.length));
    if (max.length === column) max.push(width);
    else if (max[column]! > width) return max[column]!;
    else max[column] = width;
    return width;
  }

  result(): string {
    return this.out;
  }
}

export function tabwrite(text: string, o: TabOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const f = new Formatter(lines, o);
  f.format(0, lines.length);
  return f.result();
}

/** A tabwriter kept open: text is aligned at each flush, with the widths remembered. */
export class RememberingTabwriter {
  private buffered = '';
  private maxWidths: number[] = [];

  constructor(private readonly o: TabOptions) {}

  write(text: string): void {
    this.buffered += text;
  }

  flush(): string {
    const text = this.buffered;
    this.buffered = '';
    if (text === '') return '';
    const lines = text.split('\n').map((l) => l.split('\t'));
    const f = new Formatter(lines, this.o, this.maxWidths);
    f.format(0, lines.length);
    return f.result();
  }

  /** SetRememberedWidths(nil) */
  forget(): void {
    this.maxWidths = [];
  }
}
