// describe's output writer: kubectl's PrefixWriter (two spaces per level) over a Go tabwriter
// (min width 0, tab width 8, padding 2, space padding), with terminal escapes made visible as
// printers.WriteEscaped does. Flush() aligns what was written so far on its own, as Go's
// tabwriter.Flush does in the middle of an events section.
import { tabwrite } from '../tabwriter.js';

const TABS = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' };

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

export interface Writer {
  /** Writes text (already formatted) after `level` two-space indents. */
  write(level: number, text: string): void;
  /** fmt.Sprintln of the values: joined by spaces, then a newline. */
  writeLine(...values: string[]): void;
  flush(): void;
}

export class PrefixWriter implements Writer {
  private done = '';
  private pending = '';

  write(level: number, text: string): void {
    this.pending += escapeTerminal('  '.repeat(level) + text);
  }

  writeLine(...values: string[]): void {
    this.pending += escapeTerminal(`${values.join(' ')}\n`);
  }

  flush(): void {
    this.done += tabwrite(this.pending, TABS);
    this.pending = '';
  }

  /** Everything written, aligned. */
  text(): string {
    this.flush();
    return this.done;
  }
}

/** NewNestedPrefixWriter: every write indented by `indent` more levels. */
export class NestedWriter implements Writer {
  constructor(private readonly inner: Writer, private readonly indent: number) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(...values: string[]): void {
    this.inner.write(this.indent, `${values.join(' ')}\n`);
  }

  flush(): void {
    this.inner.flush();
  }
}

/** tabbedString: runs the printer on a fresh writer and returns the aligned text. */
export function tabbed(print: (w: Writer) => void): string {
  const w = new PrefixWriter();
  print(w);
  return w.text();
}
