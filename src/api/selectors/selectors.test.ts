import { describe, expect, it } from 'vitest';
import { matchesLabels, parseLabelSelector } from './labels.js';
import { matchesFields, parseFieldSelector } from './fields.js';

const labels = { app: 'web', tier: 'front', env: 'prod' };

describe('label selectors', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=back', false],
    ['env in (prod,dev)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['missing!=x', true],
    ['', true],
  ])('%s → %s', (sel, want) => {
    expect(matchesLabels(parseLabelSelector(sel), labels)).toBe(want);
  });

  it('rejects what upstream rejects', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(/unable to parse requirement/);
  });
});

describe('field selectors', () => {
  it.each([
    ['metadata.name=web', true],
    ['metadata.name!=web', false],
    ['status.phase=Pending,metadata.name=web', true],
    ['status.phase==Running', false],
  ])('%s → %s', (sel, want) => {
    expect(matchesFields(parseFieldSelector(sel), { 'metadata.name': 'web', 'status.phase': 'Pending' })).toBe(want);
  });
});
