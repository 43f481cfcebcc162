import { describe, expect, it } from 'vitest';
import { formatMicroTime, formatRfc3339 } from './gotime.js';
import { goDurationNs } from '../../client/go-duration.js';

describe('Go time formatting', () => {
  it.each([
    [0n, '1970-01-01T00:00:00Z'],
    [-1n, '1969-12-31T23:59:59Z'],
    [951782400n, '2000-02-29T00:00:00Z'],
    [1767323045n, '2026-01-02T03:04:05Z'],
    [-62135596800n, '0001-01-01T00:00:00Z'],
    [253402300800n, '10000-01-01T00:00:00Z'],
  ])('formats %s seconds as %s', (seconds, text) => {
    expect(formatRfc3339(seconds)).toBe(text);
  });

  it('formats MicroTime with six digits, truncating and normalizing nanoseconds', () => {
    expect(formatMicroTime(1767323045n, 123456789)).toBe('2026-01-02T03:04:05.123456Z');
    expect(formatMicroTime(1767323045n, 0)).toBe('2026-01-02T03:04:05.000000Z');
    expect(formatMicroTime(1767323045n, -1500)).toBe('2026-01-02T03:04:04.999999Z');
    expect(formatMicroTime(1767323045n, 2_000_000_500)).toBe('2026-01-02T03:04:07.000000Z');
  });

  it.each([
    [0n, '0s'], [1n, '1ns'], [1500n, '1.5µs'], [1_500_000n, '1.5ms'], [1_000_000_000n, '1s'],
    [90_000_000_000n, '1m30s'], [3_600_000_000_000n, '1h0m0s'], [3_723_500_000_000n, '1h2m3.5s'],
    [-2_000_000_000n, '-2s'], [-9223372036854775808n, '-2562047h47m16.854775808s'],
  ])('formats a Duration of %sns as %s', (ns, text) => {
    expect(goDurationNs(ns)).toBe(text);
  });
});
