// A server-side Table printer for one resource: upstream's column definitions (priority 1 = wide)
// and the cells of one object's row, as pkg/printers/internalversion/printers.go computes them.
import type { KObject } from '../../api/types.js';

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

export interface RowContext {
  /** The cluster clock, ms since the epoch (ages are computed from it). */
  now: number;
}

export interface ColumnSet {
  columns: ColumnDefinition[];
  /** One row's cells, in column order (all columns, wide ones included). */
  cells(obj: KObject, ctx: RowContext): unknown[];
}
