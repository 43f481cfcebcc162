import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantity, mustParseQuantity, parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity.js';

describe('canonical quantities', () => {
  it.each([
    ['1024Mi', '1Gi'], ['1Gi', '1Gi'], ['1536Mi', '1536Mi'], ['1.5Gi', '1536Mi'], ['0.5Ki', '512'], ['100Mi', '100Mi'],
    ['0.5', '500m'], ['1000m', '1'], ['1500m', '1500m'], ['2000', '2k'], ['1500', '1500'], ['100m', '100m'],
    ['1e3', '1e3'], ['1000e0', '1e3'], ['0', '0'], ['0.0001', '100u'], ['1M', '1M'], ['-1', '-1'],
  ])('%s → %s', (input, want) => expect(canonicalQuantity(input)).toBe(want));

  it('rejects malformed quantities with the decoder text', () => {
    expect(parseQuantity('1 Gi')).toBeUndefined();
    expect(parseQuantity('abc')).toBeUndefined();
    expect(() => mustParseQuantity('12xyz')).toThrow(QUANTITY_FORMAT_ERROR);
  });

  it('compares across formats', () => {
    expect(compareQuantity(mustParseQuantity('1Gi'), mustParseQuantity('1024Mi'))).toBe(0);
    expect(compareQuantity(mustParseQuantity('500m'), mustParseQuantity('1'))).toBe(-1);
    expect(compareQuantity(mustParseQuantity('200Mi'), mustParseQuantity('100M'))).toBe(1);
  });
});
