import { describe, expect, it } from 'vitest';
import { goQuote } from './go-quote.js';

// Expected values are what Go 1.23's strconv.Quote returns for the same text.
describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ['a\nb\tc\rd\x07\b\f\v', '"a\\nb\\tc\\rd\\a\\b\\f\\v"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['héllo 世界 🙂', '"héllo 世界 🙂"'],
    ['\u0085\u00a0\u2028\ufeff', '"\\u0085\\u00a0\\u2028\\ufeff"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ])('%j', (input, want) => {
    expect(goQuote(input)).toBe(want);
  });
});
