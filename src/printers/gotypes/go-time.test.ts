import { describe, expect, it } from 'vitest';
import { formatRfc3339Utc, parseRfc3339 } from './go-time.js';

// Errors as the real kubectl v1.32 prints them for `kubectl logs POD --since-time=VALUE`.
const ERRORS: [string, string][] = [
  ['garbage', 'cannot parse "garbage" as "2006"'],
  ['2020', 'cannot parse "" as "-"'],
  ['2020-', 'cannot parse "" as "01"'],
  ['2020-1-01T00:00:00Z', 'cannot parse "1-01T00:00:00Z" as "01"'],
  ['2020-13-01T00:00:00Z', ': month out of range'],
  ['2020-00-01T00:00:00Z', ': month out of range'],
  ['2020-02-30T00:00:00Z', ': day out of range'],
  ['2021-02-29T00:00:00Z', ': day out of range'],
  ['2020-01-01', 'cannot parse "" as "T"'],
  ['2020-01-01T', 'cannot parse "" as "15"'],
  ['2020-01-01T24:00:00Z', ': hour out of range'],
  ['2020-01-01T00:60:00Z', ': minute out of range'],
  ['2020-01-01T00:00:60Z', ': second out of range'],
  ['2020-01-01T00:00:00', 'cannot parse "" as "Z07:00"'],
  ['2020-01-01T00:00:00Zx', ': extra text: "x"'],
  ['2020-01-01T00:00:00+0100', 'cannot parse "+0100" as "Z07:00"'],
  ['2020-01-01T00:00:00+25:00', ': time zone offset hour out of range'],
  ['2020-01-01T00:00:00+01:61', ': time zone offset minute out of range'],
  ['2020-01-01T00:00:00*01:00', 'cannot parse "*01:00" as "Z07:00"'],
  ['2020-01-01T00:00:00.Z', 'cannot parse ".Z" as "Z07:00"'],
  ['2020-01-01T00:00:00 Z', 'cannot parse " Z" as "Z07:00"'],
  ['2020-01-01t00:00:00z', 'cannot parse "t00:00:00z" as "T"'],
  ['20a0-01-01T00:00:00Z', 'cannot parse "20a0-01-01T00:00:00Z" as "2006"'],
  ['x"\u00e9', 'cannot parse "x\\"\\xc3\\xa9" as "2006"'],
  ['2020-01-01T00:00:00+25:xx', ': time zone offset hour out of range'],
];

const quoted = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`).replace(/\u00e9/g, '\\xc3\\xa9')}"`;

describe('parseRfc3339 (time.Parse with time.RFC3339)', () => {
  it.each(ERRORS)('%s', (value, tail) => {
    const expected = tail.startsWith(':') ? `parsing time ${quoted(value)}${tail}` : `parsing time ${quoted(value)} as "2006-01-02T15:04:05Z07:00": ${tail}`;
    expect(parseRfc3339(value)).toEqual({ ok: false, error: expected });
  });

  it.each([
    ['2020-02-29T00:00:00Z', '2020-02-29T00:00:00Z'],
    ['2020-01-01T1:00:00Z', '2020-01-01T01:00:00Z'],
    ['2020-01-01T00:00:00.5Z', '2020-01-01T00:00:00Z'],
    ['2020-01-01T00:00:00,5Z', '2020-01-01T00:00:00Z'],
    ['2020-01-01T00:00:00.1234567890123Z', '2020-01-01T00:00:00Z'],
    ['2020-01-01T00:30:00+01:00', '2019-12-31T23:30:00Z'],
    ['0001-01-01T00:00:00-00:30', '0001-01-01T00:30:00Z'],
  ])('accepts %s as %s in UTC', (value, utc) => {
    const t = parseRfc3339(value);
    expect(t.ok && formatRfc3339Utc(t.epochMs)).toBe(utc);
  });
});
