import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../api/validation/field.js';
import { fixedTime, parseCriLine, parseTimeNs } from './cri-line.js';
import { decodeLogOptions, readOptions } from './options.js';
import { tailStart } from './tail.js';

describe('parseCriLine', () => {
  it.each<[string, { time: string; stream: string; log: string } | undefined]>([
    ['2026-01-01T00:00:00.123456789Z stdout F hello\n', { time: '2026-01-01T00:00:00.123456789Z', stream: 'stdout', log: 'hello\n' }],
    ['2026-01-01T00:00:00.1Z stderr P part\n', { time: '2026-01-01T00:00:00.100000000Z', stream: 'stderr', log: 'part' }],
    ['2026-01-01T00:00:00Z stdout F:x spaces  kept \n', { time: '2026-01-01T00:00:00.000000000Z', stream: 'stdout', log: 'spaces  kept \n' }],
    ['2026-01-01T00:00:00Z stdout F \n', { time: '2026-01-01T00:00:00.000000000Z', stream: 'stdout', log: '\n' }],
    ['2026-01-01T00:00:00Z stdin F x\n', undefined],
    ['yesterday stdout F x\n', undefined],
    ['2026-01-01T00:00:00Z stdout\n', undefined],
  ])('%j', (line, want) => {
    const e = parseCriLine(Buffer.from(line));
    expect(e && { time: e.time, stream: e.stream, log: e.log.toString() }).toEqual(want);
  });

  it('orders times to the nanosecond, across zones', () => {
    expect(parseTimeNs('2026-01-01T00:00:00.000000001Z')! - parseTimeNs('2026-01-01T00:00:00Z')!).toBe(1n);
    expect(parseTimeNs('2026-01-01T02:00:00+02:00')).toBe(parseTimeNs('2026-01-01T00:00:00Z'));
    expect(fixedTime('2026-01-01T02:00:00-05:30')).toBe('2026-01-01T02:00:00.000000000-05:30');
  });
});

describe('tailStart (tail.FindTailLineStartIndex)', () => {
  it.each<[string, number, number]>([
    ['a\nb\nc\n', -1, 0],
    ['a\nb\nc\n', 0, 6],
    ['a\nb\nc\n', 1, 4],
    ['a\nb\nc\n', 3, 0],
    ['a\nb\nc\n', 9, 0],
    ['a\nb\nincomplete', 1, 2],
    ['\nx\n', 1, 1],
    ['', 2, 0],
  ])('%j, last %i lines → %i', (text, n, want) => {
    expect(tailStart(Buffer.from(text), n)).toBe(want);
  });
});

describe('decodeLogOptions', () => {
  const q = (s: string) => decodeLogOptions(new URLSearchParams(s));

  it('decodes as the parameter codec does', () => {
    expect(q('container=c&follow=true&previous=1&timestamps=&tailLines=10&limitBytes=%2B5&sinceSeconds=3')).toEqual({
      ok: true, problems: [], options: { container: 'c', follow: true, previous: true, timestamps: true, tailLines: 10, limitBytes: 5, sinceSeconds: 3 },
    });
    expect(q('follow=false&previous=0&timestamps=FALSE')).toEqual({ ok: true, problems: [], options: { follow: false, previous: false, timestamps: false } });
    expect(q('tailLines=ten')).toEqual({ ok: false, message: 'strconv.ParseInt: parsing "ten": invalid syntax' });
    const since = q('sinceTime=2026-01-01T00:00:00Z');
    expect(since.ok && readOptions(since.options, 0).sinceNs).toBe(parseTimeNs('2026-01-01T00:00:00Z'));
  });

  it.each<[string, string[]]>([
    ['tailLines=-1', ['tailLines: Invalid value: -1: must be greater than or equal to 0']],
    ['limitBytes=0', ['limitBytes: Invalid value: 0: must be greater than 0']],
    ['sinceSeconds=0', ['sinceSeconds: Invalid value: 0: must be greater than 0']],
    ['sinceSeconds=5&sinceTime=2026-01-01T00:00:00Z', [': Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified']],
  ])('ValidatePodLogOptions: %s', (query, want) => {
    const d = q(query);
    expect(d.ok && d.problems.map(fieldErrorString)).toEqual(want);
  });

  it('since is now - sinceSeconds, or sinceTime', () => {
    const o = readOptions({ follow: false, previous: false, timestamps: false, sinceSeconds: 10 }, 60_000);
    expect(o).toEqual({ tail: -1, bytes: -1, sinceNs: 50_000_000_000n, follow: false, timestamps: false });
  });
});
