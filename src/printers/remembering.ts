// kubectl's tabwriter has liggitt/tabwriter's RememberWidths: a column never gets narrower than
// it was in an earlier flush, so `get -w` rows line up under the first table as long as they fit.
import { TAB_OPTIONS } from './table.js';

export class RememberingAligner {
  private widths: number[] = [];

  /** Aligns the rows of one flush; every line ends with a newline. */
  flush(rows: string[][]): string {
    for (const row of rows) {
      row.slice(0, -1).forEach((cell, i) => {
        const w = Math.max([...cell].length + TAB_OPTIONS.padding, TAB_OPTIONS.minwidth);
        this.widths[i] = Math.max(this.widths[i] ?? 0, w);
      });
    }
    return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(this.widths[i]!) : cell)).join('') + '\n').join('');
  }
}
