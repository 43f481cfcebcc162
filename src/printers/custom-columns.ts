// kubectl get -o custom-columns=<spec> and -o custom-columns-file=<file> (kubectl
// pkg/cmd/get/customcolumn.go, customcolumn_flags.go). Each column is a header and a relaxed
// JSONPath (`.metadata.name`, `metadata.name`, `{.metadata.name}`), run with missing keys
// allowed; a cell is the values found, each as fmt.Sprint prints it (`map[a:b]`, `[x y]`,
// `<nil>`), joined by commas, or `<none>` when nothing is found. Terminal escapes are defanged
// (ESC → `^[`, CR → `\r`). Lines are tab-separated and go through kubectl's tabwriter (minwidth
// 6, tabwidth 4, padding 3, space padding), which the caller injects: printers may not import the
// CLI's. Errors carry upstream's texts (kubectl prints them after `error: `).

import { JsonPathExecError, JsonPathParseError } from './jsonpath/errors.js';
import { sprintVal } from './jsonpath/gofmt.js';
import { JsonPath } from './jsonpath/jsonpath.js';
import { parseJsonPathTree } from './jsonpath/parser.js';
import { relaxedJsonPathExpression } from './jsonpath/relaxed.js';

export interface Column {
  header: string;
  /** The relaxed JSONPath (`{.metadata.name}`), or '' (every cell `<none>`). */
  fieldSpec: string;
}

/** Go text/tabwriter as src/cli/shared/tabwriter.ts implements it. */
export type Tabwrite = (text: string, o: { minwidth: number; tabwidth: number; padding: number; padchar: string }) => string;

/** printers.GetNewTabWriter's settings. */
export const KUBECTL_TABWRITER = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ' } as const;

export class CustomColumnsError extends Error {
  /** What kubectl had already written to stdout when it failed (the header, earlier rows). */
  output = '';
}

const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const FILE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

function relax(expr: string): string {
  try {
    return relaxedJsonPathExpression(expr);
  } catch (err) {
    throw new CustomColumnsError((err as Error).message);
  }
}

/** NewCustomColumnsPrinterFromSpec: `NAME:.metadata.name,IMAGE:.spec.containers[*].image`. */
export function parseCustomColumns(spec: string): Column[] {
  if (spec === '') throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relax(part.slice(colon + 1)) };
  });
}

/** bufio.ScanWords. */
const words = (line: string): string[] => line.split(WHITESPACE).filter(Boolean);

/**
 * NewCustomColumnsPrinterFromTemplate: a line of headers and a line of specs, split on white
 * space. Note kubectl prints the headers of a file template even with --no-headers.
 */
export function parseCustomColumnsFile(text: string): Column[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  const [headerLine, specLine] = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (headerLine === undefined || text === '') throw new CustomColumnsError(`invalid template, missing header line. ${FILE_FORMAT}`);
  if (specLine === undefined) throw new CustomColumnsError(`invalid template, missing spec line. ${FILE_FORMAT}`);
  const headers = words(headerLine);
  const specs = words(specLine);
  if (headers.length !== specs.length) {
    throw new CustomColumnsError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, ix) => ({ header, fieldSpec: relax(specs[ix]!) }));
}

/** printers.EscapeTerminal. */
const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

function cell(parser: JsonPath, obj: unknown): string {
  const values = parser.findResults(obj);
  const out: string[] = values.length === 0 || values[0]!.length === 0 ? ['<none>'] : [];
  for (const list of values) for (const v of list) out.push(escapeTerminal(sprintVal(v, false)));
  return out.join(',');
}

function parsers(columns: Column[]): JsonPath[] {
  return columns.map((c) => {
    try {
      return new JsonPath(parseJsonPathTree(c.fieldSpec), { allowMissingKeys: true });
    } catch (err) {
      if (err instanceof JsonPathParseError) throw new CustomColumnsError(err.message);
      throw err;
    }
  });
}

/**
 * The text one PrintObj writes into the tabwriter, for a list's items (or one object): the
 * header line (unless noHeaders), then a line per object. Throws CustomColumnsError, with
 * `output` holding the lines written before the failure (a column that does not parse fails
 * after the header; a path that fails on an object, after the rows before it).
 */
export function customColumnsLines(columns: Column[], objects: unknown[], o: { noHeaders?: boolean } = {}): string {
  let text = o.noHeaders ? '' : `${columns.map((c) => c.header).join('\t')}\n`;
  try {
    const ps = parsers(columns);
    for (const obj of objects) text += `${ps.map((p) => cell(p, obj)).join('\t')}\n`;
    return text;
  } catch (err) {
    const e = err instanceof CustomColumnsError ? err : err instanceof JsonPathExecError ? new CustomColumnsError(err.message) : null;
    if (!e) throw err;
    e.output = text;
    throw e;
  }
}

/** customColumnsLines through kubectl's tabwriter: what `kubectl get -o custom-columns` prints. */
export function printCustomColumns(columns: Column[], objects: unknown[], o: { noHeaders?: boolean; tabwrite: Tabwrite }): string {
  try {
    return o.tabwrite(customColumnsLines(columns, objects, o), KUBECTL_TABWRITER);
  } catch (err) {
    if (err instanceof CustomColumnsError) err.output = o.tabwrite(err.output, KUBECTL_TABWRITER);
    throw err;
  }
}
