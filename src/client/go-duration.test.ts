// time.Duration.String(): drain's global timeout error, kubectl's ?timeout= parameter, etcdctl's
// `took = 3.059482ms`, the kubelet's back-off and pull messages, metrics windows, v2 stats uptime.
import { describe, expect, it } from 'vitest';
import { goDuration, goDurationNs } from './go-duration.js';

describe('goDuration', () => {
  it.each([
    [0, '0s'], [500, '500ms'], [1500, '1.5s'], [7000, '7s'], [90_000, '1m30s'], [3_600_000, '1h0m0s'], [3_723_000, '1h2m3s'],
    [3.059482, '3.059482ms'], [0.0015, '1.5µs'], [0.000042, '42ns'], [12.345678912, '12.345679ms'], [65_432.1, '1m5.4321s'], [-1500, '-1.5s'],
  ] as const)('%d ms → %s', (ms, want) => {
    expect(goDuration(ms)).toBe(want);
  });

  it('keeps nanoseconds past a second', () => {
    expect(goDurationNs(1_000_000_001n)).toBe('1.000000001s');
  });
});
