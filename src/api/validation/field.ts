// apimachinery's field package: paths, error constructors and the text kubectl prints
// (`spec.containers[0].image: Required value`). Bad values are rendered as Go's fmt would.
import { FIELD_ERROR_TYPES, type FieldError, type FieldErrorType } from '../types.js';
import { formatGoValue, goQuote } from './govalue.js';

export type Path = string;

/** `path.Child(a, b)`: dotted, no leading dot at the root. */
export function child(path: Path, ...names: string[]): Path {
  return names.reduce((p, n) => (p ? `${p}.${n}` : n), path);
}

/** `path.Index(i)` → `path[i]`. */
export const index = (path: Path, i: number): Path => `${path}[${i}]`;

/** `path.Key(k)` → `path[k]`. */
export const key = (path: Path, k: string): Path => `${path}[${k}]`;

/** Renders a badValue as upstream's ErrorBody does: %q for strings, %v for numbers/bools, %#v otherwise. */
export function formatBadValue(v: unknown): string {
  return formatGoValue(v);
}

const make = (type: FieldErrorType, field: Path, badValue: unknown, detail: string, withValue: boolean): FieldError => {
  const e: FieldError = { type, field };
  if (withValue) e.badValue = badValue;
  if (detail) e.detail = detail;
  return e;
};

export const required = (field: Path, detail = ''): FieldError => make('Required', field, undefined, detail, false);
export const forbidden = (field: Path, detail: string): FieldError => make('Forbidden', field, undefined, detail, false);
export const invalid = (field: Path, value: unknown, detail: string): FieldError => make('Invalid', field, value, detail, true);
export const duplicate = (field: Path, value: unknown): FieldError => make('Duplicate', field, value, '', true);
export const notFound = (field: Path, value: unknown): FieldError => make('NotFound', field, value, '', true);
export const internalError = (field: Path, detail: string): FieldError => make('Internal', field, undefined, detail, false);

/** `field.NotSupported`: detail lists the quoted valid values in the order given. */
export function notSupported(field: Path, value: unknown, valid: readonly string[]): FieldError {
  const detail = valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '';
  return make('NotSupported', field, value, detail, true);
}

/** `field.TooLong`: the value is never printed. */
export function tooLong(field: Path, maxLength: number): FieldError {
  return make('TooLong', field, undefined, maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long', false);
}

/** `field.TooMany`. */
export function tooMany(field: Path, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} items` : 'has too many items';
  return actual >= 0 ? make('TooMany', field, actual, detail, true) : make('TooMany', field, undefined, detail, false);
}

/** apimachinery's `(*Error).ErrorBody()`: the message without the field. */
export function fieldErrorBody(e: FieldError): string {
  const text = FIELD_ERROR_TYPES[e.type].text;
  const bare = e.type === 'Required' || e.type === 'Forbidden' || e.type === 'TooLong' || e.type === 'Internal' || !('badValue' in e);
  const s = bare ? text : `${text}: ${formatBadValue(e.badValue)}`;
  return e.detail ? `${s}: ${e.detail}` : s;
}

/** `(*Error).Error()`: `<field>: <body>`. */
export const fieldErrorString = (e: FieldError): string => `${e.field}: ${fieldErrorBody(e)}`;

/** `ErrorList.ToAggregate().Error()`: duplicates (same text) dropped, one error bare, several in brackets. */
export function fieldErrorsAggregate(errs: readonly FieldError[]): string {
  const msgs = [...new Set(errs.map(fieldErrorString))];
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/** Drops errors whose printed text repeats an earlier one (upstream's aggregate does the same). */
export function dedupeFieldErrors(errs: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const s = fieldErrorString(e);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}
