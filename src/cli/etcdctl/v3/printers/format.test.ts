import { describe, expect, it } from 'vitest';
import { goQuote, hex16, hexSpace16, humanBytes } from './format.js';
import { renderTable } from './table.js';

describe('Go formatting', () => {
  it.each([[0, '0 B'], [9, '9 B'], [20480, '20 kB'], [21000, '21 kB'], [24576, '25 kB'], [1500, '1.5 kB'], [25_000_000, '25 MB']])('humanize.Bytes(%d)', (n, want) => {
    expect(humanBytes(n)).toBe(want);
  });

  it('formats 64-bit IDs beyond 2^53', () => {
    expect(hex16('7587899082533474566')).toBe('694da2035deb9106');
    expect(hex16('4660')).toBe('0000000000001234');
    expect(hexSpace16('1097296446452752852')).toBe(' f3a614de81d61d4');
  });

  it('quotes like strconv.Quote', () => {
    expect(goQuote('a\tb "c" ü\x01')).toBe('"a\\tb \\"c\\" ü\\x01"');
  });

  it('renders tables like tablewriter (centred headers, right-aligned cells)', () => {
    expect(renderTable(['endpoint', 'hash'], [['127.0.0.1:2379', '42']])).toBe(
      '+----------------+------+\n|    ENDPOINT    | HASH |\n+----------------+------+\n| 127.0.0.1:2379 |   42 |\n+----------------+------+\n',
    );
  });
});
