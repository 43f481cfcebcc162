// kubectl get --sort-by (kubectl pkg/cmd/get/sorter.go). The expression is relaxed (braces and
// the leading dot optional) and run with missing keys allowed; an object whose field is missing
// sorts first (Less says "before" even against another missing one, and Go's unstable sort.Sort
// decides the rest, which goSort reproduces). Values compare as int64, float64 or strings (two
// strings that both parse as resource quantities compare as quantities: "500m" < "1" < "2Gi");
// JSON null sorts before anything. Other values (bool, maps, lists, mixed kinds) make kubectl
// exit through klog: UnsortableError carries that message.

import { parseQuantity, compareQuantity, type Quantity } from '../api/validation/quantity.js';
import { goSort } from './go-sort.js';
import { JsonPathExecError, JsonPathParseError } from './jsonpath/errors.js';
import { goQuote, goSyntax } from './jsonpath/gofmt.js';
import { JsonPath } from './jsonpath/jsonpath.js';
import { parseJsonPathTree } from './jsonpath/parser.js';
import { relaxedJsonPathExpression } from './jsonpath/relaxed.js';
import { compareGoStrings, goTypeName, kindOf, type Val } from './jsonpath/values.js';

/** An error kubectl returns (`error: <message>`). */
export class SortError extends Error {}

/** kubectl's klog.Exitf (`F… sorter.go:329] <message>`, exit 1) when two values cannot be compared. */
export class UnsortableError extends Error {
  constructor(
    message: string,
    readonly source: string,
  ) {
    super(message);
  }
}

/** kubectl's klog.Fatalf (sorter.go:310/315, exit 255 after a goroutine dump) when the path fails on an item while sorting. */
export class SortFatalError extends UnsortableError {}

/** sorter.go's %q of the path. */
const notFound = (field: string): string => `couldn't find any field with path ${goQuote(field)} in the list of objects`;

/** resource.ParseQuantity (which also takes a bare sign as zero, and no surrounding spaces). */
function goParseQuantity(s: string): Quantity | undefined {
  if (s === '-' || s === '+') return { nano: 0n, format: 'DecimalSI' };
  return s.trim() === s ? parseQuantity(s) : undefined;
}

/** reflect.Value.Kind().String() of a value found by the jsonpath (data sits in interface{}). */
function reflectKind(val: Val): string {
  const kinds: Record<Val['t'], string> = { data: 'interface', invalid: 'invalid', int: 'int', float: 'float64', bool: 'bool', string: 'string', uint8: 'uint8' };
  return kinds[val.t];
}

function lessStrings(a: string, b: string): boolean {
  const qa = goParseQuantity(a);
  const qb = qa && goParseQuantity(b);
  return qa && qb ? compareQuantity(qa, qb) < 0 : compareGoStrings(a, b) < 0;
}

/** isLess for two values held in interface{} (what the jsonpath finds in decoded JSON). */
function lessInterface(i: Val & { t: 'data' }, j: Val & { t: 'data' }): boolean {
  const iNil = i.v === null || i.v === undefined;
  const jNil = j.v === null || j.v === undefined;
  if (iNil || jNil) return iNil && !jNil;
  const ki = kindOf(i, false);
  if (ki === 'bool' || ki === 'map' || ki === 'slice') throw new Error(`unsortable type: ${goTypeName(i, false)}`);
  if (ki !== kindOf(j, false)) throw new Error('unsortable interface: interface');
  if (ki === 'string') return lessStrings(i.v as string, j.v as string);
  return (i.v as number) < (j.v as number);
}

/** sorter.go isLess; throws Error(reason) where upstream returns an error. */
export function isLess(i: Val, j: Val): boolean {
  if (i.t === 'data' && j.t === 'data') return lessInterface(i, j);
  if (i.t === 'int' || i.t === 'float' || i.t === 'uint8') return i.v < (j.t === 'invalid' ? 0 : (j.v as number));
  if (i.t === 'string') return compareGoStrings(i.v, String(j.t === 'invalid' ? '' : j.v)) < 0;
  if (i.t === 'data') throw new Error('unsortable interface: interface');
  throw new Error(`unsortable type: ${reflectKind(i)}`);
}

function newSorter(field: string, parseErrorPrefix: string): JsonPath {
  try {
    return new JsonPath(parseJsonPathTree(field), { allowMissingKeys: true });
  } catch (err) {
    if (err instanceof JsonPathParseError) throw new SortError(`${parseErrorPrefix}${err.message}`);
    throw err;
  }
}

/** Less of RuntimeSort / TableSorter on the first value each item's path finds. */
function lessOf(iv: Val[][], jv: Val[][], field: string, typeName: string, source: string): boolean {
  const a = iv[0]?.[0];
  if (!a) return true;
  const b = jv[0]?.[0];
  if (!b) return false;
  try {
    return isLess(a, b);
  } catch (err) {
    throw new UnsortableError(`Field ${field} in ${typeName} is an unsortable type: ${reflectKind(a)}, err: ${(err as Error).message}`, source);
  }
}

/** Sorts a copy of the items with Go's sort.Sort over Less (given original indexes). */
function sortBy<T>(items: T[], less: (a: number, b: number) => boolean): T[] {
  const order = items.map((_, ix) => ix);
  goSort({ len: order.length, less: (a, b) => less(order[a]!, order[b]!), swap: (a, b) => ([order[a], order[b]] = [order[b]!, order[a]!]) });
  return order.map((ix) => items[ix]!);
}

/**
 * SortObjects: the items of a list (-o json/yaml/name/jsonpath/custom-columns, and a multi-type
 * `get`), `get` turning each item into the decoded object. Throws SortError (relaxed-path, parse
 * and not-found errors, as returned), UnsortableError, or SortFatalError for a path that fails on
 * an item the up-front check did not reach.
 */
export function sortObjects<T>(items: T[], expr: string, get: (item: T) => unknown = (x) => x): T[] {
  if (items.length === 0) return items;
  let field: string;
  try {
    field = relaxedJsonPathExpression(expr);
  } catch (err) {
    throw new SortError((err as Error).message);
  }
  const parser = newSorter(field, '');
  const cache = new Map<number, Val[][]>();
  const valuesOf = (ix: number): Val[][] => {
    if (!cache.has(ix)) cache.set(ix, findValues(parser, get(items[ix]!)));
    return cache.get(ix)!;
  };
  if (!items.some((_, ix) => (valuesOf(ix)[0]?.length ?? 0) > 0)) throw new SortError(notFound(field));
  const sorting = (ix: number, side: 'i' | 'j'): Val[][] => {
    try {
      return valuesOf(ix);
    } catch (err) {
      const dump = `&unstructured.Unstructured{Object:${goSyntax(get(items[ix]!), false)}}`;
      const why = side === 'i' ? `&errors.errorString{s:${goQuote((err as Error).message)}}` : (err as Error).message;
      throw new SortFatalError(`Failed to get ${side} values for ${dump} using ${field} (${why})`, side === 'i' ? 'sorter.go:310' : 'sorter.go:315');
    }
  };
  return sortBy(items, (a, b) => lessOf(sorting(a, 'i'), sorting(b, 'j'), field, '*unstructured.Unstructured', 'sorter.go:329'));
}

function findValues(parser: JsonPath, obj: unknown): Val[][] {
  try {
    return parser.findResults(obj);
  } catch (err) {
    if (err instanceof JsonPathExecError) throw new SortError(err.message);
    throw err;
  }
}

/**
 * SortingPrinter on a server-side Table: rows are sorted (a copy) by the full object each row
 * carries (kubectl asks for includeObject=Object). Nothing happens for fewer than 2 rows; a bad
 * expression is used as given when it cannot be relaxed. Throws SortError (`sorting error: …`,
 * not found) — which `kubectl get` drops: it then prints nothing, and "No resources found …" —
 * or UnsortableError (sorter.go:375, which does end kubectl).
 */
export function sortTableRows<R>(rows: R[], expr: string, objectOf: (row: R) => unknown): R[] {
  if (rows.length <= 1) return rows;
  let field: string;
  try {
    field = relaxedJsonPathExpression(expr);
  } catch {
    field = expr;
  }
  const parser = newSorter(field, 'sorting error: ');
  const parsed = rows.map((row) => {
    try {
      return parser.findResults(objectOf(row));
    } catch (err) {
      if (!(err instanceof JsonPathExecError)) throw err;
      throw new SortError(`Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${JSON.stringify(err.message)}})`);
    }
  });
  if (!parsed.some((p) => (p[0]?.length ?? 0) > 0)) throw new SortError(notFound(field));
  return sortBy(rows, (a, b) => lessOf(parsed[a]!, parsed[b]!, field, '[][][]reflect.Value', 'sorter.go:375'));
}
