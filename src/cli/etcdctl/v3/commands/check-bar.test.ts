// The frames of pb.v1's bar as etcdctl's checks draw them; the expected lines were observed from
// the real etcdctl 3.4.23 (without a terminal) or follow pb v1.0.25's arithmetic (with one).
import { describe, expect, it } from 'vitest';
import { goSeconds, pbDuration, ProgressBar, renderFrame, type BarFrame } from './check-bar.js';

const S = 1e9;
const frame = (f: Partial<BarFrame>): BarFrame => ({
  total: 60, current: 0, width: 0, startValue: 0, sinceStart: 0, changeFromStart: 0, sinceChange: 0, final: false, ...f,
});

describe('renderFrame', () => {
  it.each<[string, Partial<BarFrame>, string]>([
    ['start of check perf', {}, ' 0 / 60    0.00%'],
    ['one second in', { current: 1, sinceStart: 1.1 * S, changeFromStart: 1.0 * S, sinceChange: 0.1 * S }, ' 1 / 60    1.67% 00m58s'],
    ['time left rounds down to nothing', { current: 59, sinceStart: 59.9 * S, changeFromStart: 59 * S, sinceChange: 0.9 * S }, ' 59 / 60   98.33%'],
    ['finished perf', { current: 60, sinceStart: 60.02 * S, final: true }, ' 60 / 60  100.00% 1m0s'],
    ['start of check datascale', { total: 10000 }, ' 0 / 10000    0.00%'],
    ['datascale running', { total: 10000, current: 903, sinceStart: 0.4 * S, changeFromStart: 0.4 * S, sinceChange: 0 }, ' 903 / 10000    9.03% 00m04s'],
    ['finished datascale', { total: 10000, current: 10000, sinceStart: 2.9 * S, final: true }, ' 10000 / 10000  100.00% 2s'],
    ['an 18-column terminal: no room for the bar, padded', { width: 18 }, ' 0 / 60    0.00%  '],
    ['a 20-column terminal: a bar of two', { width: 20 }, ' 0 / 60 B  !   0.00%'],
    ['a 40-column terminal, empty bar', { width: 40 }, ` 0 / 60 B${' '.repeat(22)}!   0.00%`],
    ['a 40-column terminal, half way', { width: 40, current: 30, sinceStart: 30 * S, changeFromStart: 30 * S }, ` 30 / 60 Boooooom${' '.repeat(7)}!  50.00% 00m30s`],
    ['a 40-column terminal, full', { width: 40, current: 60, sinceStart: 60 * S, final: true }, ` 60 / 60 B${'o'.repeat(16)}! 100.00% 1m0s`],
  ])('%s', (_name, f, line) => {
    expect(renderFrame(frame(f))).toBe(line);
  });
});

describe('durations', () => {
  it.each<[number, string]>([[0, '00m00s'], [59 * S, '00m59s'], [61 * S, '01m01s'], [3601 * S, '1h00m01s'], [3600 * S, '60m00s'], [90061 * S, '1d1h01m01s'], [90000 * S, '1d60m00s']])('pb %d ns', (ns, text) => {
    expect(pbDuration(ns)).toBe(text);
  });
  it.each<[number, string]>([[0, '0s'], [2, '2s'], [60, '1m0s'], [3600, '1h0m0s'], [3725, '1h2m5s']])('Go %d s', (s, text) => {
    expect(goSeconds(s)).toBe(text);
  });
});

describe('ProgressBar', () => {
  it('draws at start, on refresh and at finish, then a newline; stop() ends it silently', () => {
    let out = '';
    let t = 0;
    const bar = new ProgressBar(2, { write: (s) => (out += s), width: () => 0, now: () => t });
    bar.start();
    bar.add(1);
    t = 0.5 * S;
    bar.add(1);
    t = 1.2 * S;
    bar.finish();
    bar.finish();
    bar.stop();
    expect(out).toBe('\r 0 / 2    0.00%\r 2 / 2  100.00% 1s\n');
    expect(bar.stopped).toBe(true);
  });
});
