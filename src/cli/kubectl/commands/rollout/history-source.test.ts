// LabelSelectorAsSelector(...).String(), as the ReplicaSet and ControllerRevision lists ask for it.
import { describe, expect, it } from 'vitest';
import { selectorString } from './history-source.js';

describe('selectorString', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchLabels: { tier: 'x', app: 'web' } }, 'app=web,tier=x'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['b', 'a'] }, { key: 'app', operator: 'Exists' }] }, 'app,env in (a,b)'],
    [{ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }, { key: 'y', operator: 'NotIn', values: ['z'] }] }, '!x,y notin (z)'],
    [undefined, ''],
  ])('%j → %s', (selector, want) => {
    expect(selectorString(selector)).toBe(want);
  });
});
