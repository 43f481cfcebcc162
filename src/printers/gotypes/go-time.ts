// Go's time.Parse(time.RFC3339, value): what it accepts and its errors word for word. kubectl
// parses --since-time with it (util.ParseRFC3339) and apimachinery decodes metav1.Time with it.
// Go's general parser walks the layout "2006-01-02T15:04:05Z07:00" element by element: a literal
// that does not match, or an element that does not parse, is "cannot parse <rest> as <element>";
// a number out of its range is "<field> out of range"; anything left over is "extra text".

export const RFC3339 = '2006-01-02T15:04:05Z07:00';

export type GoTime = { ok: true; epochMs: number } | { ok: false; error: string };

/** time's own quote(): ASCII as is (with `"` and `\` escaped), every other byte as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const b of Buffer.from(ch, 'utf8')) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

class ParseFailure {
  constructor(readonly valueElem: string, readonly layoutElem: string, readonly message = '') {}
}

const isDigit = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface Fields { year: number; month: number; day: number; hour: number; min: number; sec: number; nsec: number; offset: number }

/** One numeric element: its value and the rest, or the failure Go reports. */
function number(value: string, elem: string, fixed: boolean, max: number, field: string): [number, string] {
  const got = getnum(value, fixed);
  if (got === undefined) throw new ParseFailure(value, elem);
  if (got[0] > max || (field === 'month' && got[0] === 0)) throw new ParseFailure(got[1], elem, `: ${field} out of range`);
  return got;
}

function literal(value: string, prefix: string): string {
  if (!value.startsWith(prefix)) throw new ParseFailure(value, prefix);
  return value.slice(prefix.length);
}

function year(value: string): [number, string] {
  if (!/^\d{4}/.test(value)) throw new ParseFailure(value, '2006');
  return [Number(value.slice(0, 4)), value.slice(4)];
}

/** A fraction Go takes after the seconds although the layout has none: nanoseconds and the rest. */
function fraction(value: string): [number, string] {
  if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigit(value, 1)) return [0, value];
  let n = 2;
  while (isDigit(value, n)) n++;
  const digits = value.slice(1, Math.min(n, 10));
  return [Number(digits.padEnd(9, '0')), value.slice(n)];
}

function zone(value: string): [number, string] {
  if (value.startsWith('Z')) return [0, value.slice(1)];
  if (value.length < 6 || value[3] !== ':') throw new ParseFailure(value, 'Z07:00');
  const rest = value.slice(6);
  // Go checks the ranges before the sign, and reports a range over a parse failure
  const hr = getnum(value.slice(1, 3), true);
  const mm = hr === undefined ? undefined : getnum(value.slice(4, 6), true);
  if (hr !== undefined && hr[0] > 24) throw new ParseFailure(rest, 'Z07:00', ': time zone offset hour out of range');
  if (mm !== undefined && mm[0] > 60) throw new ParseFailure(rest, 'Z07:00', ': time zone offset minute out of range');
  if (hr === undefined || mm === undefined || (value[0] !== '+' && value[0] !== '-')) throw new ParseFailure(value, 'Z07:00');
  const offset = (hr[0] * 60 + mm[0]) * 60;
  return [value[0] === '-' ? -offset : offset, rest];
}

function fields(value: string): Fields {
  let rest: string;
  const f = {} as Fields;
  [f.year, rest] = year(value);
  [f.month, rest] = number(literal(rest, '-'), '01', true, 12, 'month');
  [f.day, rest] = number(literal(rest, '-'), '02', true, 99, 'day');
  [f.hour, rest] = number(literal(rest, 'T'), '15', false, 23, 'hour');
  [f.min, rest] = number(literal(rest, ':'), '04', true, 59, 'minute');
  [f.sec, rest] = number(literal(rest, ':'), '05', true, 59, 'second');
  [f.nsec, rest] = fraction(rest);
  [f.offset, rest] = zone(rest);
  if (rest !== '') throw new ParseFailure(rest, '', `: extra text: ${goTimeQuote(rest)}`);
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) throw new ParseFailure('', '', ': day out of range');
  return f;
}

export function parseRfc3339(value: string): GoTime {
  try {
    const f = fields(value);
    const d = new Date(0);
    d.setUTCFullYear(f.year, f.month - 1, f.day);
    d.setUTCHours(f.hour, f.min, f.sec, Math.floor(f.nsec / 1e6));
    return { ok: true, epochMs: d.getTime() - f.offset * 1000 };
  } catch (err) {
    if (!(err instanceof ParseFailure)) throw err;
    const q = goTimeQuote(value);
    const error = err.message !== ''
      ? `parsing time ${q}${err.message}`
      : `parsing time ${q} as ${goTimeQuote(RFC3339)}: cannot parse ${goTimeQuote(err.valueElem)} as ${goTimeQuote(err.layoutElem)}`;
    return { ok: false, error };
  }
}

/** t.UTC().Format(time.RFC3339), as metav1.Time goes into a query parameter. */
export function formatRfc3339Utc(epochMs: number): string {
  return `${new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
