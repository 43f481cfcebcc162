// %#v of a JSON value read as a Go struct of the API (field order, pointers and slices from the
// Go type tables of fixtures/protobuf), named in an internal package (`flowcontrol.FlowSchemaSpec`)
// as upstream's field errors print the internal types. A set pointer prints as Go prints it, with
// an address Go makes up (0xc000000000).
import { structRows, type Row } from '../../printers/gotypes/tables.js';
import { GoLiteral, goQuote } from './govalue.js';

const ADDRESS = '0xc000000000';
const SCALARS: Record<string, string> = { string: 'string', bool: 'bool', int32: 'int32', int64: 'int64', double: 'float64' };

function typeName(type: string, pkg: string): string {
  return SCALARS[type] ?? `${pkg}.${type.slice(type.indexOf('.') + 1)}`;
}

function scalar(type: string, v: unknown): string {
  if (type === 'string') return goQuote(typeof v === 'string' ? v : '');
  if (type === 'bool') return v === true ? 'true' : 'false';
  return String(typeof v === 'number' ? v : 0);
}

function value(type: string, v: unknown, pkg: string): string {
  if (SCALARS[type]) return scalar(type, v);
  const rows = structRows(type);
  if (!rows) return goQuote(String(v ?? ''));
  return struct(type, rows, v && typeof v === 'object' ? (v as Record<string, unknown>) : {}, pkg);
}

function field(row: Row, v: unknown, pkg: string): string {
  const [, , type, flags] = row;
  const name = typeName(type, pkg);
  if (flags.includes('r')) {
    if (!Array.isArray(v)) return `[]${name}(nil)`;
    return `[]${name}{${v.map((x) => value(type, x, pkg)).join(', ')}}`;
  }
  if (flags.includes('p')) return `(*${name})(${v === undefined || v === null ? 'nil' : ADDRESS})`;
  return value(type, v, pkg);
}

function struct(type: string, rows: Row[], o: Record<string, unknown>, pkg: string): string {
  const fields = rows.filter((r) => !r[3].includes('i')).map((r) => `${r[4] ?? r[0].charAt(0).toUpperCase() + r[0].slice(1)}:${field(r, o[r[0]], pkg)}`);
  return `${typeName(type, pkg)}{${fields.join(', ')}}`;
}

/** `typeKey` is the table's key (`flowcontrol/v1.FlowSchemaSpec`), `pkg` the internal package's name. */
export function goTyped(typeKey: string, v: unknown, pkg: string): GoLiteral {
  return new GoLiteral(value(typeKey, v, pkg));
}
