// Whether go-yaml v2 reads a plain scalar as a !!timestamp (resolve.go parseTimestamp): the
// text must start with exactly four digits and '-', then match one of Go time.Parse layouts
//   2006-1-2T15:4:5.999999999Z07:00, the same with a lower-case t,
//   2006-1-2 15:4:5.999999999 (one or more spaces), 2006-1-2
// with time.Parse's rules: 1-2 digit fields, range checks, a day valid for its month,
// an optional [.,]digits fraction, a zone of Z or ±hh:mm.

class Cursor {
  constructor(
    readonly s: string,
    public i = 0,
  ) {}

  digit(at: number): boolean {
    const c = this.s.charCodeAt(at);
    return c >= 48 && c <= 57;
  }

  /** Go's getnum(value, false): one or two digits. */
  num(): number | undefined {
    if (!this.digit(this.i)) return undefined;
    const len = this.digit(this.i + 1) ? 2 : 1;
    const n = Number(this.s.slice(this.i, this.i + len));
    this.i += len;
    return n;
  }

  lit(ch: string): boolean {
    if (this.s[this.i] !== ch) return false;
    this.i += 1;
    return true;
  }

  end(): boolean {
    return this.i === this.s.length;
  }
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function date(c: Cursor): boolean {
  const year = Number(c.s.slice(0, 4));
  c.i = 4;
  if (!c.lit('-')) return false;
  const month = c.num();
  if (month === undefined || month < 1 || month > 12 || !c.lit('-')) return false;
  const day = c.num();
  return day !== undefined && day >= 1 && day <= daysIn(month, year);
}

function clock(c: Cursor): boolean {
  const hour = c.num();
  if (hour === undefined || hour >= 24 || !c.lit(':')) return false;
  const min = c.num();
  if (min === undefined || min >= 60 || !c.lit(':')) return false;
  const sec = c.num();
  if (sec === undefined || sec >= 60) return false;
  const sep = c.s[c.i];
  if ((sep === '.' || sep === ',') && c.digit(c.i + 1)) {
    c.i += 1;
    while (c.digit(c.i)) c.i += 1;
  }
  return true;
}

function zone(c: Cursor): boolean {
  if (c.lit('Z')) return true;
  const z = c.s.slice(c.i, c.i + 6);
  if (z.length < 6 || z[3] !== ':' || (z[0] !== '+' && z[0] !== '-')) return false;
  if (![1, 2, 4, 5].every((k) => c.digit(c.i + k))) return false;
  c.i += 6;
  return Number(z.slice(1, 3)) <= 24 && Number(z.slice(4, 6)) <= 60;
}

function withTime(s: string, sep: 'T' | 't' | ' '): boolean {
  const c = new Cursor(s);
  if (!date(c)) return false;
  if (sep === ' ') {
    if (!c.lit(' ')) return false;
    while (c.lit(' '));
    return clock(c) && c.end();
  }
  return c.lit(sep) && clock(c) && zone(c) && c.end();
}

export function isYamlTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const c = new Cursor(s);
  if (date(c) && c.end()) return true;
  return withTime(s, 'T') || withTime(s, 't') || withTime(s, ' ');
}
