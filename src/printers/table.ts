// The client half of `kubectl get`'s human-readable output (cli-runtime's table printer): a
// server-side meta.k8s.io Table decorated with NAMESPACE, kind-qualified names, -L label columns
// and LABELS, then aligned by Go's tabwriter (min width 6, tab width 4, padding 3).
import { tabwrite } from './tabwriter.js';
import { formatLabels } from './columns/labels.js';

export interface TableColumn {
  name: string;
  type?: string;
  format?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };
}

export interface Table {
  columnDefinitions: TableColumn[];
  rows?: TableRow[] | null;
}

export interface TablePrintOptions {
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** -L keys */
  labelColumns?: string[];
  /** `pod`, `deployment.apps`: names print as `<kind>/<name>` when set */
  kindPrefix?: string;
  noHeaders?: boolean;
}

export const TAB_OPTIONS = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ' };

/** Go's %v for a cell value from JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(cellText).join(' ')}]`;
  return `map[${Object.keys(v as object).sort().map((k) => `${k}:${cellText((v as Record<string, unknown>)[k])}`).join(' ')}]`;
}

function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1]!.toUpperCase();
}

/** The header and rows of one table, as cells. */
export function tableCells(table: Table, o: TablePrintOptions): string[][] {
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || !c.priority);
  const header: string[] = [];
  if (o.withNamespace) header.push('NAMESPACE');
  header.push(...cols.map(({ c }) => c.name.toUpperCase()));
  for (const k of o.labelColumns ?? []) header.push(labelHeader(k));
  if (o.showLabels) header.push('LABELS');
  // Only the first string column in the "name" format gets the kind (a VolumeAttachment's ATTACHER is one too).
  const nameColumn = table.columnDefinitions.findIndex((c) => c.format === 'name' && c.type === 'string');
  const rows = (table.rows ?? []).map((row) => {
    const meta = row.object?.metadata ?? {};
    const cells: string[] = [];
    if (o.withNamespace) cells.push(meta.namespace ?? '');
    for (const { c, i } of cols) {
      // A null cell (a custom column whose JSONPath found nothing) prints empty, as the real kubectl's does.
      const text = row.cells[i] === null || row.cells[i] === undefined ? '' : cellText(row.cells[i]);
      cells.push(i === nameColumn && o.kindPrefix ? `${o.kindPrefix}/${text}` : text);
    }
    for (const k of o.labelColumns ?? []) cells.push(meta.labels?.[k] ?? '');
    if (o.showLabels) cells.push(formatLabels(meta.labels));
    return cells;
  });
  return o.noHeaders ? rows : [header, ...rows];
}

/** Aligned text of rows of cells, each line ended by a newline. */
export function alignRows(rows: string[][]): string {
  if (rows.length === 0) return '';
  return `${tabwrite(rows.map((r) => r.join('\t')).join('\n'), TAB_OPTIONS)}\n`;
}

export function printTable(table: Table, o: TablePrintOptions): string {
  return alignRows(tableCells(table, o));
}
