import { describe, expect, it } from 'vitest';
import { durationSeconds, zapLine } from './logs.js';

describe('etcdctl zap lines', () => {
  it('prints a duration as time.Duration.Seconds does: whole nanoseconds, shortest float', () => {
    expect(durationSeconds(159.769615)).toBe(0.159769615);
    expect(String(durationSeconds(159.76961499999998))).toBe('0.159769615');
    expect(durationSeconds(2500.000001)).toBe(2.500000001);
    expect(durationSeconds(0)).toBe(0);
  });

  it('writes the epoch timestamp in seconds, ISO-8601 otherwise, in zap\'s key order', () => {
    const epoch = JSON.parse(zapLine('info', 'a.go:1', 'm', { k: 'v' }, true)) as { ts: number; level: string; caller: string; msg: string; k: string };
    expect(Object.keys(epoch)).toEqual(['level', 'ts', 'caller', 'msg', 'k']);
    expect(Math.abs(epoch.ts - Date.now() / 1000)).toBeLessThan(5);
    expect(JSON.parse(zapLine('warn', 'a.go:1', 'm', {})).ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
