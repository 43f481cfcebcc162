// Covers, table driven: the cases of component-helpers' auth/rbac/validation
// policy_comparator_test.go (v0.32.4), owner rules, servant rules and the uncovered pieces.
import { describe, expect, it } from 'vitest';
import type { PolicyRule } from '../rules.js';
import { uncovered } from './covers.js';

const r = (apiGroups: string[], verbs: string[], resources: string[], resourceNames?: string[]): PolicyRule =>
  ({ apiGroups, verbs, resources, ...(resourceNames ? { resourceNames } : {}) });
const url = (nonResourceURLs: string[], verbs: string[]): PolicyRule => ({ nonResourceURLs, verbs });

const CASES: [string, PolicyRule[], PolicyRule[], PolicyRule[]][] = [
  ['exact match', [r(['v1'], ['get'], ['builds'])], [r(['v1'], ['get'], ['builds'])], []],
  ['subresource wildcard', [r(['v1'], ['get'], ['*/scale'])], [r(['v1'], ['get'], ['foo/scale'])], []],
  ['several owners cover one rule', [r(['v1'], ['delete'], ['deployments']), r(['v1'], ['delete'], ['builds']), r(['v1'], ['update'], ['builds', 'deployments'])],
    [r(['v1'], ['delete', 'update'], ['builds', 'deployments'])], []],
  ['one owner covers several', [r(['group1', 'group2'], ['delete', 'update'], ['builds', 'deployments'])],
    [r(['group1'], ['delete'], ['deployments']), r(['group2'], ['update'], ['builds', 'deployments'])], []],
  ['one verb/resource missing', [r(['v1'], ['delete', 'update'], ['builds', 'deployments']), r(['v1'], ['delete'], ['pods'])],
    [r(['v1'], ['delete', 'update'], ['builds', 'deployments', 'pods'])], [r(['v1'], ['update'], ['pods'])]],
  ['group * covers several', [r(['*'], ['get'], ['roles'])], [r(['group1', 'group2'], ['get'], ['roles'])], []],
  ['a group list does not cover *', [r(['dummy-group'], ['get'], ['roles'])], [r(['*'], ['get'], ['roles'])], [r(['*'], ['get'], ['roles'])]],
  ['verb * covers several', [r(['v1'], ['*'], ['roles'])], [r(['v1'], ['watch', 'list'], ['roles'])], []],
  ['a verb list does not cover *', [r(['v1'], ['get', 'list', 'watch', 'create', 'update', 'delete', 'exec'], ['roles'])], [r(['v1'], ['*'], ['roles'])], [r(['v1'], ['*'], ['roles'])]],
  ['resource * covers', [r(['v1'], ['get'], ['*'])], [r(['v1'], ['get'], ['resourcegroup:deployments'])], []],
  ['a resource list does not cover *', [r(['v1'], ['get'], ['roles', 'resourcegroup:deployments'])], [r(['v1'], ['get'], ['*'])], [r(['v1'], ['get'], ['*'])]],
  ['no names covers names', [r(['v1'], ['get'], ['pods'], [])], [r(['v1'], ['get'], ['pods'], ['foo', 'bar'])], []],
  ['names do not cover no names', [r(['v1'], ['get'], ['pods'], ['foo', 'bar'])], [r(['v1'], ['get'], ['pods'], [])], [r(['v1'], ['get'], ['pods'])]],
  ['non-resource URLs', [url(['/apis'], ['*'])], [url(['/apis'], ['*'])], []],
  ['URL * covers all', [url(['*'], ['*'])], [url(['/apis', '/apis/v1', '/'], ['*'])], []],
  ['URL prefix* does not cover the prefix', [url(['/apis/*'], ['*'])], [url(['/apis', '/apis/v1'], ['get'])], [url(['/apis'], ['get'])]],
  ['URL prefix* covers below it', [url(['/apis/*'], ['*'])], [url(['/apis/v1/foo', '/apis/v1'], ['get'])], []],
  ['URL and resources in one rule', [{ ...r(['v1'], ['get'], ['builds']), nonResourceURLs: ['/apis'] }], [{ ...r(['v1'], ['get'], ['builds']), nonResourceURLs: ['/apis'] }], []],
  ['URL missing beside resources', [r(['v1'], ['get'], ['builds'])], [{ ...r(['v1'], ['get'], ['builds']), nonResourceURLs: ['/apis'] }], [url(['/apis'], ['get'])]],
];

describe('uncovered (rbac Covers)', () => {
  for (const [name, owners, servants, want] of CASES) {
    it(name, () => {
      expect(uncovered(owners, servants)).toEqual(want);
    });
  }
});

describe('non-resource URL covering', () => {
  const table: [string, string, boolean][] = [
    ['*', '', true], ['*', '/', true], ['*', '/api', true], ['/*', '', false], ['/*', '/', true], ['/*', '/foo', true],
    ['/api', '/api', true], ['/apis', '/api', false], ['/api/v1', '/api', false], ['/api/v1', '/api/v1', true],
    ['/api/*', '/api/v1', true], ['/api/*', '/api', false], ['/api/*/*', '/api/v1', false], ['/*/v1/*', '/api/v1', false],
  ];
  for (const [owner, requested, want] of table) {
    it(`${owner} ${want ? 'covers' : 'does not cover'} ${JSON.stringify(requested)}`, () => {
      expect(uncovered([url([owner], ['get'])], [url([requested], ['get'])]).length === 0).toBe(want);
    });
  }
});
