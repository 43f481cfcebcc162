// `get`'s human-readable output: one aligned table per type, separated by a blank line, empty
// types skipped; NAMESPACE with -A, kind-qualified names when several types were asked for.
import { alignRows, tableCells } from '../../../../printers/table.js';
import { kindPrefix } from '../../resource/args.js';
import type { FetchedTable } from './fetch.js';

export interface HumanOptions {
  wide: boolean;
  allNamespaces: boolean;
  showKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
}

/** One printer per run of infos of the same type: their rows share a header and the alignment. */
function byPrinter(tables: FetchedTable[]): FetchedTable[] {
  const out: FetchedTable[] = [];
  for (const t of tables) {
    const last = out[out.length - 1];
    if (last && last.resource === t.resource) last.table = { ...last.table, rows: [...(last.table.rows ?? []), ...(t.table.rows ?? [])] };
    else out.push({ ...t });
  }
  return out;
}

export function printTables(tables: FetchedTable[], o: HumanOptions): string {
  const shown = byPrinter(tables).filter((t) => (t.table.rows ?? []).length > 0);
  // The real kubectl's printers share one HumanReadableFlags: once a namespaced type has been
  // printed with -A, every later table (cluster-scoped ones too) keeps the NAMESPACE column.
  const firstNamespaced = shown.findIndex((t) => t.resource.namespaced);
  return shown.map((t, i) => alignRows(tableCells(t.table, {
    wide: o.wide,
    withNamespace: o.allNamespaces && firstNamespaced >= 0 && i >= firstNamespaced,
    showLabels: o.showLabels,
    labelColumns: o.labelColumns.flatMap((l) => l.split(',')).filter((l) => l !== ''),
    noHeaders: o.noHeaders,
    ...(o.showKind ? { kindPrefix: kindPrefix(t.resource) } : {}),
  // the separating blank line is only written where headers are
  }))).join(o.noHeaders ? '' : '\n');
}
