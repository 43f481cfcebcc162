// fmt.Sprint, Sprintln and Sprintf over Go values (values.ts): maps print as map[k:v] with sorted
// keys, slices as [a b], nil as <nil>; bad verbs as %!d(string=x), missing operands as
// %!d(MISSING), extra ones as %!(EXTRA type=value).
import { goQuote } from '../jsonpath/index.js';
import { formatFloat, formatInt } from './fmt-number.js';
import { GoNum, GoStr, Iface, INVALID, isGoMap, kindOf, norm, sortedKeys, strValue, typeName } from './values.js';

interface Spec {
  verb: string;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

const plainV: Spec = { verb: 'v', minus: false, plus: false, sharp: false, space: false, zero: false, width: -1, prec: -1 };

function pad(s: string, f: Spec, numeric: boolean): string {
  const n = [...s].length;
  if (f.width < 0 || n >= f.width) return s;
  if (f.minus) return s + ' '.repeat(f.width - n);
  if (f.zero && numeric) {
    const signed = /^[+-]/.test(s) ? 1 : 0;
    return s.slice(0, signed) + '0'.repeat(f.width - n) + s.slice(signed);
  }
  return ' '.repeat(f.width - n) + s;
}

function signed(s: string, f: Spec): string {
  if (s.startsWith('-') || s === 'NaN') return s;
  if (f.plus) return `+${s}`;
  if (f.space) return ` ${s}`;
  return s;
}

const badVerb = (v: unknown, f: Spec): string =>
  v === null || v === INVALID ? `%!${f.verb}(<nil>)` : `%!${f.verb}(${typeName(v)}=${fmtValue(v, { ...f, verb: 'v' }, 1)})`;

/** strconv.QuoteToASCII from Quote's output: non-ASCII runes as \u/\U escapes. */
const asciiOnly = (q: string): string =>
  [...q].map((c) => {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) return c;
    return cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }).join('');

function fmtString(s: string, f: Spec): string | undefined {
  switch (f.verb) {
    case 'v':
    case 's':
      return pad(f.prec >= 0 ? [...s].slice(0, f.prec).join('') : s, f, false);
    case 'q':
      if (f.sharp && !s.includes('`') && !/[\x00-\x08\x0a-\x1f\x7f]/.test(s)) return pad(`\`${s}\``, f, false);
      return pad(f.plus ? asciiOnly(goQuote(s)) : goQuote(s), f, false);
    case 'x':
    case 'X': {
      const hex = [...Buffer.from(s, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(f.space ? ' ' : '');
      return pad(f.verb === 'X' ? hex.toUpperCase() : hex, f, false);
    }
    default:
      return undefined;
  }
}

function fmtNumber(n: GoNum, f: Spec): string | undefined {
  if (n.isFloat) {
    if (!'veEfFgGxX'.includes(f.verb)) return undefined;
    return pad(signed(formatFloat(n.value, f.verb, f.prec), f), f, true);
  }
  let s = formatInt(n.value, f.verb, f.sharp);
  if (s === undefined) return undefined;
  if ((f.verb === 'd' || f.verb === 'v') && f.prec >= 0) {
    const neg = s.startsWith('-');
    s = (neg ? '-' : '') + s.slice(neg ? 1 : 0).padStart(f.prec, '0');
  }
  const numeric = f.verb !== 'c' && f.verb !== 'q' && f.verb !== 'U';
  return pad(numeric ? signed(s, f) : s, f, numeric && f.prec < 0);
}

function goSyntax(v: unknown, depth: number): string {
  const c = v instanceof Iface ? v.inner : norm(v);
  if (c === null || c === INVALID) return depth > 0 ? 'interface {}(nil)' : '<nil>';
  if (typeof c === 'string') return goQuote(c);
  if (c instanceof GoStr) return `"${c.value}"`;
  if (c instanceof GoNum) return c.type === 'int' || c.type === 'int64' || c.type === 'float64' ? formatFloatOrInt(c) : `0x${c.value.toString(16)}`;
  if (Array.isArray(c)) return `[]interface {}{${c.map((x) => goSyntax(x, depth + 1)).join(', ')}}`;
  if (isGoMap(c)) return `map[string]interface {}{${sortedKeys(c).map((k) => `${goQuote(k)}:${goSyntax(c[k], depth + 1)}`).join(', ')}}`;
  return String(c);
}

const formatFloatOrInt = (n: GoNum): string => (n.isFloat ? formatFloat(n.value, 'g', -1) : String(n.value));

/** One operand under one verb; depth > 0 inside a map or slice. */
export function fmtValue(v: unknown, f: Spec, depth: number): string {
  if (f.verb === 'T') return pad(typeName(v instanceof Iface ? v.inner : norm(v)), f, false);
  if (f.verb === 'v' && f.sharp) return goSyntax(v, depth);
  const c = v instanceof Iface ? v.inner : norm(v);
  if (c === null || c === INVALID) return depth > 0 || f.verb === 'v' ? pad('<nil>', f, false) : badVerb(c, f);
  let out: string | undefined;
  if (typeof c === 'string' || c instanceof GoStr) out = fmtString(strValue(c), f);
  else if (typeof c === 'boolean') out = f.verb === 'v' || f.verb === 't' ? pad(String(c), f, false) : undefined;
  else if (c instanceof GoNum) out = fmtNumber(c, f);
  else if (Array.isArray(c)) out = `[${c.map((x) => fmtValue(x, f, depth + 1)).join(' ')}]`;
  else if (isGoMap(c)) out = `map[${sortedKeys(c).map((k) => `${fmtValue(k, f, depth + 1)}:${fmtValue(c[k], f, depth + 1)}`).join(' ')}]`;
  else if (typeof c === 'function') out = f.verb === 'v' || f.verb === 'p' ? '0x1' : undefined;
  return out ?? badVerb(c, f);
}

const isStringArg = (v: unknown): boolean => kindOf(v instanceof Iface ? v.inner : v) === 'string';

/** fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isStringArg(a) && !isStringArg(args[i - 1])) out += ' ';
    out += fmtValue(a, plainV, 0);
  });
  return out;
}

/** fmt.Sprintln. */
export const sprintln = (args: unknown[]): string => `${args.map((a) => fmtValue(a, plainV, 0)).join(' ')}\n`;

interface Cursor {
  args: unknown[];
  next: number;
}

function starArg(c: Cursor): number | undefined {
  const a = c.args[c.next];
  if (!(a instanceof GoNum) || a.isFloat) return undefined;
  c.next++;
  return a.value;
}

function parseSpec(format: string, i: number, c: Cursor): [Spec, number, string] {
  const f: Spec = { ...plainV, verb: '' };
  let extra = '';
  for (; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '-') f.minus = true;
    else if (ch === '+') f.plus = true;
    else if (ch === '#') f.sharp = true;
    else if (ch === ' ') f.space = true;
    else if (ch === '0') f.zero = !f.minus;
    else break;
  }
  if (format[i] === '*') {
    const w = starArg(c);
    if (w === undefined) extra = '%!(BADWIDTH)';
    else if (w < 0) [f.minus, f.width] = [true, -w];
    else f.width = w;
    i++;
  } else for (f.width = -1; i < format.length && /[0-9]/.test(format[i]!); i++) f.width = Math.max(f.width, 0) * 10 + Number(format[i]);
  if (format[i] === '.') {
    i++;
    if (format[i] === '*') {
      const p = starArg(c);
      if (p === undefined || p < 0) extra += '%!(BADPREC)';
      else f.prec = p;
      i++;
    } else for (f.prec = 0; i < format.length && /[0-9]/.test(format[i]!); i++) f.prec = f.prec * 10 + Number(format[i]);
  }
  return [f, i, extra];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  const c: Cursor = { args, next: 0 };
  let out = '';
  for (let i = 0; i < format.length; ) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const [f, at, extra] = parseSpec(format, pct + 1, c);
    out += extra;
    if (at >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(at)!);
    i = at + verb.length;
    f.verb = verb;
    if (verb === '%') out += '%';
    else if (c.next >= args.length) out += `%!${verb}(MISSING)`;
    else out += fmtValue(args[c.next++], f, 0);
  }
  if (c.next < args.length) {
    out += `%!(EXTRA ${args.slice(c.next).map((a) => (a === null ? '<nil>' : `${typeName(a)}=${fmtValue(a, plainV, 0)}`)).join(', ')})`;
  }
  return out;
}
