// Server-side printing: when the client asks for `as=Table`, objects come back as a
// meta.k8s.io/v1 Table built from the resource's columns (printers/columns).
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { columnsFor } from '../../printers/columns/index.js';
import type { ColumnSet } from '../../printers/columns/types.js';

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && accept.split(',')[0]!.includes('as=Table');
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** ?includeObject= of a Table request (Metadata when absent). */
export const includeObject = (q: URLSearchParams): IncludeObject => (q.get('includeObject') as IncludeObject | null) ?? 'Metadata';

function rowObject(obj: KObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export interface TableMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export function toTable(d: ResourceDescriptor, objs: KObject[], meta: TableMeta, now: number, include: IncludeObject, withColumns = true): unknown {
  return tableOf(d.custom?.columns ?? columnsFor(d.group, d.plural), objs, meta, now, include, withColumns);
}

/** The Table of objs printed with the column set `set`. */
export function tableOf(set: ColumnSet, objs: KObject[], meta: TableMeta, now: number, include: IncludeObject, withColumns = true): unknown {
  const rows = objs.map((o) => {
    const row: Record<string, unknown> = { cells: set.cells(o, { now }) };
    const ro = rowObject(o, include);
    if (ro !== undefined) row.object = ro;
    return row;
  });
  const table: Record<string, unknown> = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: meta };
  if (withColumns) table.columnDefinitions = set.columns;
  table.rows = rows;
  return table;
}
