// Go's text/tabwriter (align cells separated by '\t'), as the Go CLIs we copy format their help.
// Cells are text runs ended by a tab; the text after a line's last tab is not aligned.

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

  constructor(private readonly lines: Line[], private readonly o: TabOptions) {}

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
      this.widths.push(width);
      this.format(line0, at);
      this.widths.pop();
      line0 = at;
    }
    this.writeLines(line0, line1);
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
