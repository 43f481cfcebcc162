import { describe, expect, it } from 'vitest';
import { effectiveSchedule, parseSchedule, rfc1123z, rfc3339In } from './schedule.js';
import { mostRecentScheduleTime } from './times.js';
import type { CronJob } from './types.js';

const T = (s: string) => Date.parse(s);
const iso = (ms: number) => new Date(ms).toISOString();

describe('cron schedules', () => {
  it.each([
    ['*/5 * * * *', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00.000Z'],
    ['*/5 * * * *', '2026-01-01T00:04:59.500Z', '2026-01-01T00:05:00.000Z'],
    ['0 9 * * 1-5', '2026-01-02T10:00:00Z', '2026-01-05T09:00:00.000Z'],
    ['0 0 1 * MON', '2026-01-01T00:00:00Z', '2026-01-05T00:00:00.000Z'],
    ['@hourly', '2026-01-01T00:30:00Z', '2026-01-01T01:00:00.000Z'],
    ['@midnight', '2026-01-01T00:30:00Z', '2026-01-02T00:00:00.000Z'],
    ['@weekly', '2026-01-01T00:00:00Z', '2026-01-04T00:00:00.000Z'],
    ['@every 90s', '2026-01-01T00:00:00.250Z', '2026-01-01T00:01:30.000Z'],
    ['CRON_TZ=America/New_York 0 9 * * *', '2026-01-01T00:00:00Z', '2026-01-01T14:00:00.000Z'],
    ['TZ=Asia/Tokyo 0 9 * * *', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00.000Z'],
  ])('%s after %s is %s', (spec, from, want) => {
    expect(iso(parseSchedule(spec).next(T(from)))).toBe(want);
  });

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['TZ=Mars/Olympus * * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
    ['', 'empty spec string'],
  ])('rejects %j', (spec, msg) => {
    expect(() => parseSchedule(spec)).toThrow(msg);
  });

  it('turns spec.timeZone into a TZ= prefix unless the schedule has one', () => {
    expect(effectiveSchedule('0 9 * * *', 'Europe/Paris')).toBe('TZ=Europe/Paris 0 9 * * *');
    expect(effectiveSchedule('CRON_TZ=UTC 0 9 * * *', 'Europe/Paris')).toBe('CRON_TZ=UTC 0 9 * * *');
    expect(effectiveSchedule('0 9 * * *', undefined)).toBe('0 9 * * *');
  });

  it('formats times as Go does', () => {
    expect(rfc3339In(T('2026-01-01T14:00:00Z'), 'America/New_York')).toBe('2026-01-01T09:00:00-05:00');
    expect(rfc3339In(T('2026-07-01T08:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T13:30:00+05:30');
    expect(rfc3339In(T('2026-01-01T14:00:00Z'), undefined)).toBe('2026-01-01T14:00:00Z');
    expect(rfc1123z(T('2026-01-01T14:05:09Z'))).toBe('Thu, 01 Jan 2026 14:05:09 +0000');
  });
});

describe('mostRecentScheduleTime', () => {
  const cj = (created: string, extra: Partial<CronJob['spec']> = {}, last?: string): CronJob => ({
    metadata: { name: 'c', creationTimestamp: created }, spec: { schedule: '* * * * *', jobTemplate: {}, ...extra }, status: last ? { lastScheduleTime: last } : {},
  });
  const every = parseSchedule('* * * * *');
  it.each([
    ['nothing due yet', cj('2026-01-01T00:00:00Z'), '2026-01-01T00:00:30Z', undefined, 'none'],
    ['one due', cj('2026-01-01T00:00:00Z'), '2026-01-01T00:01:30Z', '2026-01-01T00:01:00.000Z', 'none'],
    ['a few missed', cj('2026-01-01T00:00:00Z', {}, '2026-01-01T00:00:00Z'), '2026-01-01T00:05:10Z', '2026-01-01T00:05:00.000Z', 'few'],
    ['many missed', cj('2025-12-31T00:00:00Z'), '2026-01-01T00:00:10Z', '2026-01-01T00:00:00.000Z', 'many'],
    ['deadline bounds the search', cj('2025-12-31T00:00:00Z', { startingDeadlineSeconds: 200 }), '2026-01-01T00:00:10Z', '2026-01-01T00:00:00.000Z', 'few'],
  ])('%s', (_what, c, now, want, missed) => {
    const r = mostRecentScheduleTime(c, T(now), every, true);
    expect(r.mostRecent === undefined ? undefined : iso(r.mostRecent)).toBe(want);
    expect(r.missed).toBe(missed);
  });
});
