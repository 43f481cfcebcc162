// What `get` prints once everything was fetched: the human tables (infos ordered by --sort-by,
// each info's rows sorted, "No resources found" when nothing was printed and nothing failed) or
// printGeneric's object printers (one object asked for alone, anything else as a List).
import type { Obj } from '../../../../client/types.js';
import { SortError, SortFatalError, sortObjects, sortTableRows, UnsortableError } from '../../../../printers/sort-by.js';
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { klogHeader } from '../../klog.js';
import type { OutputFormat } from '../../output/format.js';
import { printObjects } from '../../output/objects.js';
import { allowMissingKeys } from '../../output/template-errors.js';
import { isNotFoundError } from '../mutate/info.js';
import type { FetchedTable, GetScope } from './fetch.js';
import { printTables } from './human.js';
import { logNonTable, serverPrint } from './server-print.js';

export function noResourcesMessage(namespaced: boolean[], scope: GetScope): string {
  return namespaced.every((n) => n) && !scope.allNamespaces ? `No resources found in ${scope.namespace} namespace.\n` : 'No resources found\n';
}

/** --ignore-not-found: the builder's IgnoreErrors(IsNotFound). */
export function ignoring(ctx: Ctx, errors: Error[]): Error[] {
  return ctx.bool('ignore-not-found') ? errors.filter((e) => !isNotFoundError(e)) : errors;
}

/** A failed sort prints nothing (get ignores the printer's error); unsortable values end through klog. */
function sortFailure(err: unknown): never | 'swallow' {
  if (err instanceof UnsortableError) {
    throw new PrintedError(`${klogHeader('F', err.source)}${err.message}`, err instanceof SortFatalError ? 255 : 1);
  }
  if (err instanceof SortError) return 'swallow';
  throw err;
}

/**
 * --sort-by on human output. RuntimeSorter orders several infos by the field on what each holds
 * — a Table, which has none of an object's fields, so that mostly fails with "couldn't find any
 * field" — then SortingPrinter sorts each info's rows by the objects they carry.
 */
function sortedTables(tables: FetchedTable[], sortBy: string): FetchedTable[] {
  if (sortBy === '') return tables;
  let ordered = tables;
  if (tables.length > 1) {
    try {
      ordered = sortObjects(tables, sortBy, (t) => t.source);
    } catch (err) {
      if (err instanceof SortError) throw new Error(err.message);
      throw err;
    }
  }
  return ordered.map((t) => {
    try {
      return { ...t, table: { ...t.table, rows: sortTableRows(t.table.rows ?? [], sortBy, (r) => r.object) } };
    } catch (err) {
      sortFailure(err);
      return { ...t, table: { ...t.table, rows: [] } };
    }
  });
}

export interface HumanPrint {
  scope: GetScope;
  out: OutputFormat;
  /** whether each info's type is namespaced (all of them: "No resources found in NS namespace.") */
  namespaced: boolean[];
  /** multipleGVKsRequested */
  showKind: boolean;
  failed: boolean;
}

export function printHuman(ctx: Ctx, tables: FetchedTable[], o: HumanPrint): void {
  const text = printTables(sortedTables(tables, ctx.str('sort-by')), {
    wide: o.out.kind === 'wide',
    allNamespaces: o.scope.allNamespaces,
    showKind: ctx.bool('show-kind') || o.showKind,
    showLabels: ctx.bool('show-labels'),
    labelColumns: ctx.list('label-columns'),
    noHeaders: ctx.bool('no-headers'),
  });
  ctx.io.stdout.write(text);
  if (text === '' && !o.failed && !ctx.bool('ignore-not-found')) ctx.io.stderr.write(noResourcesMessage(o.namespaced, o.scope));
}

/** printGeneric: prints what was found and returns the errors to report after it. */
export function printGeneric(ctx: Ctx, objects: Obj[], errors: Error[], single: boolean, out: OutputFormat): Error[] {
  if (single && errors.length > 0) return errors;
  if (objects.length === 0 && ctx.bool('ignore-not-found')) return errors;
  const sortBy = ctx.str('sort-by');
  let sorted = objects;
  try {
    if (sortBy) sorted = sortObjects(objects, sortBy);
  } catch (err) {
    if (sortFailure(err) === 'swallow') throw err;
  }
  // get's TablePrinter wraps the printer; what it is handed is not a Table.
  if (serverPrint(ctx)) logNonTable(ctx);
  ctx.io.stdout.write(printObjects(sorted, out, { single: single && sorted.length === 1, noHeaders: ctx.bool('no-headers'), cwd: ctx.io.cwd, allowMissingKeys: allowMissingKeys(ctx), showManagedFields: ctx.bool('show-managed-fields') }));
  return errors;
}
