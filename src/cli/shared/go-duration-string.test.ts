// time.Duration.String(): drain's global timeout error, kubectl's ?timeout= parameter.
import { describe, expect, it } from 'vitest';
import { goDurationString } from './go-duration.js';

describe('goDurationString', () => {
  it.each([[0, '0s'], [500, '500ms'], [1500, '1.5s'], [7000, '7s'], [90_000, '1m30s'], [3_600_000, '1h0m0s'], [3_723_000, '1h2m3s']] as const)('%d ms → %s', (ms, want) => {
    expect(goDurationString(ms)).toBe(want);
  });
});
