import { describe, expect, it } from 'vitest';
import { formatLabelSelector, formatLabels, selectorString } from './labels.js';

describe('formatLabels', () => {
  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ b: '2', a: '1' }, 'a=1,b=2'],
    [{ 'kubernetes.io/os': 'linux' }, 'kubernetes.io/os=linux'],
    // Set.String sorts the joined pairs: '.' (0x2e) before '=' (0x3d)
    [{ app: 'web', 'app.kubernetes.io/part-of': 'shop', tier: 'fe' }, 'app.kubernetes.io/part-of=shop,app=web,tier=fe'],
    [{ a: 'z', 'a-b': '1' }, 'a-b=1,a=z'],
  ])('%j → %s', (value, want) => {
    expect(formatLabels(value)).toBe(want);
  });
});

describe('label selectors', () => {
  it.each([
    ['nil', undefined, '', '<none>'],
    ['empty', {}, '', '<none>'],
    ['matchLabels sorted', { matchLabels: { tier: 'web', app: 'x' } }, 'app=x,tier=web', 'app=x,tier=web'],
    [
      'expressions',
      {
        matchLabels: { app: 'x' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'zone', operator: 'NotIn', values: ['a'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'beta', operator: 'Exists' },
        ],
      },
      'app=x,beta,!canary,env in (dev,prod),zone notin (a)',
      'app=x,beta,!canary,env in (dev,prod),zone notin (a)',
    ],
    ['bad operator', { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, null, '<error>'],
    ['In without values', { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, null, '<error>'],
  ])('%s', (_name, sel, text, formatted) => {
    expect(selectorString(sel)).toBe(text);
    expect(formatLabelSelector(sel)).toBe(formatted);
  });
});
