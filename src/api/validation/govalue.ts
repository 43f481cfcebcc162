// Go's fmt verbs as upstream's field errors print bad values: %q for strings, %v for numbers
// and bools, %#v for the rest (`map[string]string{"app":"web"}`). Struct values that only Go
// can name are passed in pre-rendered as a GoLiteral.
import { goQuote } from '../../printers/go-quote.js';

export { goQuote };

/** A value already rendered in Go syntax (e.g. `v1.LabelSelector{…}`). */
export class GoLiteral {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** %#v of a []string, or `[]string(nil)` when absent. */
export function goStringSlice(a: readonly string[] | undefined): string {
  if (!a) return '[]string(nil)';
  return `[]string{${a.map(goQuote).join(', ')}}`;
}

/** %#v of a map[string]string (keys sorted, as fmt does), or `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k]!)}`).join(', ')}}`;
}

function goSlice(a: readonly unknown[]): string {
  if (a.length && a.every((v) => typeof v === 'string')) return goStringSlice(a as string[]);
  return `[]interface {}{${a.map(formatGoValue).join(', ')}}`;
}

function goMap(m: Record<string, unknown>): string {
  const vals = Object.values(m);
  if (vals.every((v) => typeof v === 'string')) return goStringMap(m as Record<string, string>);
  const keys = Object.keys(m).sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${formatGoValue(m[k])}`).join(', ')}}`;
}

/** The text of a bad value as upstream's ErrorBody prints it. */
export function formatGoValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (v instanceof GoLiteral) return v.text;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return goSlice(v);
  if (typeof v === 'object') return goMap(v as Record<string, unknown>);
  return String(v);
}

/**
 * A metav1.Time as a bad value: fmt uses time.Time's String() ("2006-01-02 15:04:05.999999999
 * -0700 MST"), in the apiserver's local zone, UTC; unparsable text stays quoted.
 */
export function goTimeValue(rfc3339: string): GoLiteral | string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  const fraction = /\.(\d+)(?:Z|[+-]\d\d:\d\d)$/i.exec(rfc3339)?.[1]?.replace(/0+$/, '') ?? '';
  const base = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
  return new GoLiteral(`${base}${fraction ? `.${fraction}` : ''} +0000 UTC`);
}

/** `Type{A:x, B:y}` with each field already rendered. */
export function goStruct(typeName: string, fields: ReadonlyArray<readonly [string, string]>): GoLiteral {
  return new GoLiteral(`${typeName}{${fields.map(([k, v]) => `${k}:${v}`).join(', ')}}`);
}

/** intstr.IntOrString as %#v prints it (its String() has a pointer receiver, so fmt never calls it). */
export function goIntOrString(v: unknown): GoLiteral {
  if (typeof v === 'string') return goStruct('intstr.IntOrString', [['Type', '1'], ['IntVal', '0'], ['StrVal', goQuote(v)]]);
  const n = typeof v === 'number' ? v : 0;
  return goStruct('intstr.IntOrString', [['Type', '0'], ['IntVal', String(n)], ['StrVal', '""']]);
}

interface SelectorRequirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

function goRequirement(r: SelectorRequirement, typeName: string): string {
  const values = Array.isArray(r.values) ? (r.values as string[]) : undefined;
  return goStruct(typeName, [['Key', goQuote(String(r.key ?? ''))], ['Operator', goQuote(String(r.operator ?? ''))], ['Values', goStringSlice(values)]]).text;
}

/** metav1.LabelSelector as %#v prints it (a *LabelSelector is dereferenced by ErrorBody). */
export function goLabelSelector(sel: unknown): GoLiteral {
  if (sel === undefined || sel === null) return new GoLiteral('null');
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: SelectorRequirement[] };
  const reqType = 'v1.LabelSelectorRequirement';
  const exprs = s.matchExpressions ? `[]${reqType}{${s.matchExpressions.map((r) => goRequirement(r, reqType)).join(', ')}}` : `[]${reqType}(nil)`;
  return goStruct('v1.LabelSelector', [['MatchLabels', goStringMap(s.matchLabels)], ['MatchExpressions', exprs]]);
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Best-effort %#v of a JSON object as a Go struct of the given type (field names capitalised). */
export function goStructOf(typeName: string, value: unknown): GoLiteral {
  if (value === undefined || value === null) return new GoLiteral('null');
  const o = value as Record<string, unknown>;
  return goStruct(typeName, Object.keys(o).map((k) => [upperFirst(k), goNested(o[k])] as const));
}

function goNested(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v) && !Object.values(v).every((x) => typeof x === 'string')) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).map((k) => `${upperFirst(k)}:${goNested(o[k])}`).join(', ')}}`;
  }
  return formatGoValue(v);
}
