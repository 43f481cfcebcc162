import { describe, expect, test } from 'vitest';
import { formatG, humanDuration, humanSize, humanSizeWithPrecision } from './units.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('go-units', () => {
  test.each([
    [500, 'Less than a second'], [-5 * S, 'Less than a second'], [1 * S, '1 second'], [2 * S, '2 seconds'], [59 * S, '59 seconds'],
    [60 * S, 'About a minute'], [119 * S, 'About a minute'], [2 * MIN, '2 minutes'], [4.5 * MIN, '4 minutes'], [59 * MIN, '59 minutes'],
    [60 * MIN, 'About an hour'], [89 * MIN, 'About an hour'], [90 * MIN, '2 hours'], [3 * H + 5 * MIN, '3 hours'],
    [47 * H + 36 * MIN, '2 days'], [49 * H, '2 days'], [14 * 24 * H, '2 weeks'], [59 * 24 * H, '8 weeks'], [60 * 24 * H, '2 months'],
    [2 * 365 * 24 * H, '2 years'],
  ])('HumanDuration(%d ms) = %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

  test.each([
    [320368, 3, '320kB'], [2160406, 3, '2.16MB'], [18562039, 3, '18.6MB'], [72095450, 3, '72.1MB'], [72960000, 3, '73MB'],
    [1230000000, 3, '1.23GB'], [0, 3, '0B'], [999600, 3, '1e+03kB'], [15530000, 4, '15.53MB'], [12288, 4, '12.29kB'], [405356544, 4, '405.4MB'],
  ])('HumanSizeWithPrecision(%d, %d) = %s', (size, p, text) => expect(humanSizeWithPrecision(size, p)).toBe(text));

  test('HumanSize is 4 significant digits', () => expect(humanSize(16384)).toBe('16.38kB'));
  test.each([[0.0001234, 3, '0.000123'], [0.00001234, 3, '1.23e-05'], [123456, 3, '1.23e+05'], [100, 3, '100']])('%%.%dg', (x, p, t) => expect(formatG(x, p)).toBe(t));
});
