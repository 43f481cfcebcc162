// computeReconciledRole and computeReconciledRoleBinding, table driven: the cases of
// component-helpers' auth/rbac/reconciliation reconcile_role_test.go and
// reconcile_rolebindings_test.go (v0.32.4) — expected object, existing object, whether extras
// go, and what the existing object must become (undefined: no reconciliation needed).
import { describe, expect, it } from 'vitest';
import type { Obj } from '../../../../../client/types.js';
import type { PolicyRule } from '../rules.js';
import { computeReconciledBinding, diffSubjects } from './binding.js';
import type { StringMap, Subject } from './objects.js';
import { computeReconciledRole } from './role.js';

const rules = (...resources: string[]): PolicyRule[] => resources.map((r) => ({ apiGroups: [''], verbs: ['get'], resources: [r] }));

function role(rs: PolicyRule[] | null, labels?: StringMap, annotations?: StringMap, selectors?: StringMap[]): Obj {
  const metadata = { ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) };
  const agg = selectors ? { aggregationRule: { clusterRoleSelectors: selectors.map((matchLabels) => ({ matchLabels })) } } : {};
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata, rules: rs, ...agg } as unknown as Obj;
}

const ROLE_CASES: [string, Obj, Obj, boolean, Obj | undefined][] = [
  ['empty', role(rules()), role(rules()), true, undefined],
  ['match without union', role(rules('a')), role(rules('a')), true, undefined],
  ['match with union', role(rules('a')), role(rules('a')), false, undefined],
  ['different rules without union', role(rules('a')), role(rules('b')), true, role(rules('a'))],
  ['different rules with union', role(rules('a')), role(rules('b')), false, role(rules('b', 'a'))],
  ['different labels', role(rules('a'), { 1: 'a' }), role(rules('a'), { 2: 'b' }), true, role(rules('a'), { 1: 'a', 2: 'b' })],
  ['conflicting labels and rules with union', role(rules('a'), { 1: 'a' }), role(rules('b'), { 1: 'b' }), false, role(rules('b', 'a'), { 1: 'b' })],
  ['conflicting annotations and rules without union', role(rules('a'), undefined, { 1: 'a' }), role(rules('b'), undefined, { 1: 'b' }), true, role(rules('a'), undefined, { 1: 'b' })],
  ['complex with union',
    role(rules('pods', 'nodes', 'secrets'), { env: 'prod', color: 'blue', manager: 'randy' }, { description: 'fancy', system: 'true', up: 'true' }),
    role(rules('nodes', 'images', 'projects'), { color: 'red', team: 'pm' }, { system: 'false', owner: 'admin', vip: 'yes', rate: 'down' }), false,
    role(rules('nodes', 'images', 'projects', 'pods', 'secrets'), { env: 'prod', manager: 'randy', color: 'red', team: 'pm' },
      { description: 'fancy', system: 'false', owner: 'admin', vip: 'yes', rate: 'down', up: 'true' })],
  // a labels map that is empty but not nil differs from none (reflect.DeepEqual)
  ['empty labels map', role(rules('a'), {}), role(rules('a')), false, role(rules('a'), {})],
  ['aggregation match', role(null, undefined, undefined, [{ foo: 'bar' }]), role(null, undefined, undefined, [{ foo: 'bar' }]), true, undefined],
  ['aggregation without union', role(null, undefined, undefined, [{ foo: 'bar' }]), role(null, undefined, undefined, [{ alpha: 'bravo' }]), true,
    role(null, undefined, undefined, [{ foo: 'bar' }])],
  ['aggregation with union', role(null, undefined, undefined, [{ foo: 'bar' }]), role(null, undefined, undefined, [{ alpha: 'bravo' }]), false,
    role(null, undefined, undefined, [{ alpha: 'bravo' }, { foo: 'bar' }])],
  ['unexpected aggregation', role(rules('pods', 'nodes', 'secrets')), role(null, undefined, undefined, [{ alpha: 'bravo' }]), false, role(rules('pods', 'nodes', 'secrets'))],
  ['unexpected aggregation with differing permissions', role(rules('pods', 'nodes', 'secrets')),
    { ...role(rules('deployments'), undefined, undefined, [{ alpha: 'bravo' }]) }, false, role(rules('deployments', 'pods', 'nodes', 'secrets'))],
];

describe('computeReconciledRole', () => {
  for (const [name, expected, existing, remove, want] of ROLE_CASES) {
    it(name, () => {
      const r = computeReconciledRole(existing, expected, remove);
      expect(r.operation).toBe(want === undefined ? 'none' : 'update');
      if (want) expect(r.role).toEqual(want);
    });
  }

  it('reports the broken-down rules it adds and the extra ones, and protected roles', () => {
    const existing = role([{ apiGroups: [''], verbs: ['get', 'delete'], resources: ['pods', 'secrets'] }], undefined, { 'rbac.authorization.kubernetes.io/autoupdate': 'false' });
    const r = computeReconciledRole(existing, role([{ apiGroups: [''], verbs: ['get', 'list'], resources: ['pods'] }]), true);
    expect(r.protected).toBe(true);
    expect(r.missingRules).toEqual([{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }]);
    expect(r.extraRules.map((x) => `${x.verbs[0]} ${x.resources?.[0]}`)).toEqual(['delete pods', 'get secrets', 'delete secrets']);
  });
});

const subjects = (...names: string[]): Subject[] => names.map((name) => ({ name }));

function binding(ref: string, subs: Subject[]): Obj {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: {}, roleRef: { name: ref }, subjects: subs } as unknown as Obj;
}

const BINDING_CASES: [string, Obj, Obj, boolean, string, Obj | undefined][] = [
  ['match without union', binding('role', subjects('a')), binding('role', subjects('a')), true, 'none', undefined],
  ['different roleref with identical subjects', binding('role', subjects('a')), binding('differentRole', subjects('a')), false, 'recreate', binding('role', subjects('a'))],
  ['extra subjects without union', binding('role', subjects('a')), binding('role', subjects('a', 'b')), true, 'update', binding('role', subjects('a'))],
  ['extra subjects with union', binding('role', subjects('a')), binding('role', subjects('a', 'b')), false, 'none', undefined],
  ['missing subjects without union', binding('role', subjects('a', 'c')), binding('role', subjects('a', 'b')), true, 'update', binding('role', subjects('a', 'c'))],
  ['missing subjects with union', binding('role', subjects('a', 'c')), binding('role', subjects('a', 'b')), false, 'update', binding('role', subjects('a', 'b', 'c'))],
];

describe('computeReconciledBinding', () => {
  for (const [name, expected, existing, remove, op, want] of BINDING_CASES) {
    it(name, () => {
      const r = computeReconciledBinding(existing, expected, remove);
      expect(r.operation).toBe(op);
      if (want) expect(r.binding).toEqual(want);
    });
  }
});

describe('diffSubjects', () => {
  const table: [string, Subject[], Subject[], Subject[], Subject[]][] = [
    ['empty', [], [], [], []],
    ['matching, order-independent', subjects('foo', 'bar'), subjects('bar', 'foo'), [], []],
    ['partial match', subjects('foo', 'bar'), subjects('foo', 'baz'), subjects('bar'), subjects('baz')],
    ['missing', subjects('foo'), subjects('bar'), subjects('foo'), subjects('bar')],
    ['remove duplicates', subjects('foo', 'foo'), subjects('bar', 'bar'), subjects('foo'), subjects('bar')],
    ['a missing field is the empty string', [{ name: 'x', namespace: '' }], [{ name: 'x' }], [], []],
  ];
  for (const [name, a, b, onlyA, onlyB] of table) {
    it(name, () => {
      expect(diffSubjects(a, b)).toEqual([onlyA, onlyB]);
    });
  }
});
