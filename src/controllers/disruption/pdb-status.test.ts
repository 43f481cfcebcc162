import { describe, expect, it } from 'vitest';
import { scaledValue } from './expected-pods.js';
import { setCondition } from './pdb-status.js';
import { labelSelectorString } from './selector-string.js';

describe('scaledValue', () => {
  it.each([
    [3, 10, true, 3],
    ['50%', 5, true, 3],
    ['50%', 5, false, 2],
    ['0%', 7, true, 0],
    ['100%', 7, true, 7],
  ] as const)('%s of %d (round up %s) is %d', (v, total, up, want) => expect(scaledValue(v, total, up)).toBe(want));

  it.each([
    ['5', 'invalid value for IntOrString: invalid type: string is not a percentage'],
    ['x%', 'invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax'],
  ])('rejects %s', (v, msg) => expect(() => scaledValue(v, 4, true)).toThrow(msg));
});

describe('setCondition', () => {
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  const base = { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '' };
  it('adds, keeps the time for the same status, moves it for a new one', () => {
    const first = setCondition(undefined, base, t0);
    expect(first).toEqual([{ ...base, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
    const same = setCondition(first, { ...base, observedGeneration: 3 }, t0 + 5000);
    expect(same).toEqual([{ type: 'DisruptionAllowed', status: 'True', observedGeneration: 3, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'SufficientPods', message: '' }]);
    const flipped = setCondition(same, { ...base, status: 'False', reason: 'InsufficientPods' }, t0 + 9000);
    expect(flipped[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods', lastTransitionTime: '2026-01-01T00:00:09Z' });
  });
});

describe('labelSelectorString', () => {
  it.each([
    [null, 'nil'],
    [{}, '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}'],
    [{ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'k', operator: 'In', values: ['x', 'y'] }] },
      '&LabelSelector{MatchLabels:map[string]string{a: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:k,Operator:In,Values:[x y],},},}'],
  ])('%o', (sel, want) => expect(labelSelectorString(sel)).toBe(want));
});
