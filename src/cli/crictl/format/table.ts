// crictl's table display: Go text/tabwriter with minwidth 20, tabwidth 1, padding 3, spaces.
import { tabwrite } from '../../../printers/tabwriter.js';

export const CLEAR_SCREEN = '\x1b[2J\x1b[H';

export class TableDisplay {
  private readonly rows: string[] = [];

  addRow(cells: string[]): void {
    this.rows.push(cells.join('\t'));
  }

  /** The formatted table ('' when there are no rows). */
  render(): string {
    if (this.rows.length === 0) return '';
    return tabwrite(`${this.rows.join('\n')}\n`, { minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' });
  }
}

/** getTruncatedID: strip `prefix`, keep 13 characters. */
export function truncatedId(id: string, prefix = ''): string {
  const s = prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id;
  return s.length > 13 ? s.slice(0, 13) : s;
}

/** Keys of a map in Go's sort.Strings order. */
export function sortedKeys(m: Record<string, string> | null | undefined): string[] {
  return Object.keys(m ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The `Labels:` / `Annotations:` blocks crictl prints for a non-empty map. */
export function mapBlock(title: string, m: Record<string, string> | null | undefined): string {
  const keys = sortedKeys(m);
  if (keys.length === 0) return '';
  return `${title}:\n${keys.map((k) => `\t${k} -> ${m![k]}\n`).join('')}`;
}

/** matchesRegex: an empty pattern matches; an invalid one matches nothing (Go RE2 → JS). */
export function matchesRegex(pattern: string, target: string): boolean {
  if (pattern === '') return true;
  try {
    const m = /^\(\?([imsU]+)\)/.exec(pattern);
    const flags = m ? m[1]!.replace(/[U]/g, '') : '';
    return new RegExp(m ? pattern.slice(m[0].length) : pattern, flags).test(target);
  } catch {
    return false;
  }
}
