import { describe, expect, it } from 'vitest';
import { quantity, quantityPtr } from './quantity.js';

describe('quantity (resource.Quantity String)', () => {
  it.each([
    [undefined, '0'],
    ['0', '0'],
    ['0Gi', '0'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['100Ki', '100Ki'],
    ['1000Mi', '1000Mi'],
    ['512', '512'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1.5k', '1500'],
    ['2000m', '2'],
    ['100m', '100m'],
    ['0.5', '500m'],
    ['0.1', '100m'],
    ['250m', '250m'],
    ['1e3', '1e3'],
    ['1E6', '1E6'],
    ['1000e3', '1e6'],
    ['5G', '5G'],
    ['5000M', '5G'],
    [2, '2'],
    [0.5, '500m'],
    ['-1Gi', '-1Gi'],
    ['10Gi', '10Gi'],
    ['0.0000000001', '1n'],
    ['nonsense', 'nonsense'],
  ])('%s → %s', (value, want) => {
    expect(quantity(value)).toBe(want);
  });

  it('prints a nil *Quantity as <nil>', () => {
    expect(quantityPtr(undefined)).toBe('<nil>');
    expect(quantityPtr('200m')).toBe('200m');
  });
});
