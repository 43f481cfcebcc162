// `get`'s human-readable output: one aligned table per type, separated by a blank line, empty
// types skipped; NAMESPACE with -A, kind-qualified names when several types were asked for.
import { alignRows, tableCells, type TableRow } from '../../../../printers/table.js';
import { kindPrefix } from '../../resource/args.js';
import type { FetchedTable } from './fetch.js';

export interface HumanOptions {
  wide: boolean;
  allNamespaces: boolean;
  showKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  sortBy: string;
  sortRows?: (rows: TableRow[], expr: string) => TableRow[];
}

export function printTables(tables: FetchedTable[], o: HumanOptions): string {
  const shown = tables.filter((t) => (t.table.rows ?? []).length > 0);
  const firstNamespaced = shown[0]?.resource.namespaced ?? false;
  return shown.map((t) => {
    const rows = o.sortBy && o.sortRows ? o.sortRows(t.table.rows ?? [], o.sortBy) : (t.table.rows ?? []);
    return alignRows(tableCells({ ...t.table, rows }, {
      wide: o.wide,
      withNamespace: o.allNamespaces && (t.resource.namespaced || firstNamespaced),
      showLabels: o.showLabels,
      labelColumns: o.labelColumns.flatMap((l) => l.split(',')).filter((l) => l !== ''),
      noHeaders: o.noHeaders,
      ...(o.showKind ? { kindPrefix: kindPrefix(t.resource) } : {}),
    }));
  }).join('\n');
}
