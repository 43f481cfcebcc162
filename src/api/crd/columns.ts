// The Table of a custom resource (apiextensions-apiserver's customresource tableconvertor): Name,
// then the version's additionalPrinterColumns (Age from creationTimestamp when it has none),
// each cell the first result of the column's JSONPath; string columns as jsonpath prints the
// value, dates as an age, other types only when the value has that JSON type.
import { column, NAME_DOC, AGE_DOC } from '../../printers/columns/define.js';
import { since } from '../../printers/columns/timestamps.js';
import type { ColumnDefinition, ColumnSet } from '../../printers/columns/types.js';
import { JsonPath, parseJsonPath, printResults, unwrap } from '../../printers/jsonpath/index.js';

export interface PrinterColumn {
  name: string;
  type: ColumnDefinition['type'];
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

const DEFAULT_COLUMNS: PrinterColumn[] = [{ name: 'Age', type: 'date', description: AGE_DOC, jsonPath: '.metadata.creationTimestamp' }];

function cell(type: ColumnDefinition['type'], value: unknown, printed: () => string, now: number): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'string':
      return printed();
    case 'integer':
    case 'number':
      return typeof value === 'number' ? (type === 'integer' ? Math.trunc(value) : value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      if (typeof value !== 'string') return null;
      return value !== '' && Number.isNaN(Date.parse(value)) ? '<invalid>' : since(value, now);
  }
  return null;
}

export function customColumns(given: PrinterColumn[] | undefined): ColumnSet {
  const cols = given?.length ? given : DEFAULT_COLUMNS;
  const paths = cols.map((c) => parseJsonPath(`{${c.jsonPath}}`));
  return {
    columns: [
      column('Name', NAME_DOC, { format: 'name' }),
      ...cols.map((c) => column(c.name, c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`, { type: c.type, format: c.format ?? '', priority: c.priority ?? 0 })),
    ],
    cells(obj, { now }) {
      return [obj.metadata.name ?? '', ...cols.map((c, i) => {
        const results = new JsonPath(paths[i]!.tree, { allowMissingKeys: true }).findResults(obj);
        const first = results[0]?.[0];
        if (!first || first.t === 'invalid') return null;
        return cell(c.type, unwrap(first), () => printResults([first], { typed: false, json: false }), now);
      })];
    },
  };
}
