// The stderr report, table driven. Every expected text was printed by the real kubectl v1.32.4
// (`kubectl auth reconcile -f x.yaml [--remove-extra-…]` against a live cluster) for the same
// outcome.
import { describe, expect, it } from 'vitest';
import { goRule, goSubject, reportLines, type Outcome } from './print.js';

const obj = { metadata: {} };
const BOTH = { removeExtraPermissions: true, removeExtraSubjects: true };
const NEITHER = { removeExtraPermissions: false, removeExtraSubjects: false };

const CASES: [string, Outcome, typeof BOTH, string][] = [
  ['nothing to do', { object: obj, operation: 'none', protected: false, missingRules: [{ verbs: ['get'] }] }, BOTH, ''],
  ['a created role', {
    object: obj, operation: 'create', protected: false,
    missingRules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }, { apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['*'], resourceNames: ['a', 'b'] }],
  }, NEITHER,
  '\treconciliation required create\n\tmissing rules added:\n\t\t{Verbs:[get list] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}\n' +
  '\t\t{Verbs:[*] APIGroups:[apps] Resources:[deployments/scale] ResourceNames:[a b] NonResourceURLs:[]}\n'],
  ['URLs', { object: obj, operation: 'create', protected: false, missingRules: [{ nonResourceURLs: ['/healthz', '/logs/*'], verbs: ['get'] }] }, NEITHER,
    '\treconciliation required create\n\tmissing rules added:\n\t\t{Verbs:[get] APIGroups:[] Resources:[] ResourceNames:[] NonResourceURLs:[/healthz /logs/*]}\n'],
  ['extra rules only shown when removed', {
    object: obj, operation: 'update', protected: false, missingRules: [], extraRules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
  }, NEITHER, '\treconciliation required update\n'],
  ['extra rules removed', {
    object: obj, operation: 'update', protected: false, missingRules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }], extraRules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
  }, BOTH,
  '\treconciliation required update\n\tmissing rules added:\n\t\t{Verbs:[list] APIGroups:[] Resources:[pods] ResourceNames:[] NonResourceURLs:[]}\n' +
  '\textra rules removed:\n\t\t{Verbs:[get] APIGroups:[] Resources:[secrets] ResourceNames:[] NonResourceURLs:[]}\n'],
  ['subjects', {
    object: obj, operation: 'update', protected: false,
    missingSubjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'dave' }],
    extraSubjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'g1' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'default' }],
  }, BOTH,
  '\treconciliation required update\n\tmissing subjects added:\n\t\t{Kind:User APIGroup:rbac.authorization.k8s.io Name:dave Namespace:}\n' +
  '\textra subjects removed:\n\t\t{Kind:Group APIGroup:rbac.authorization.k8s.io Name:g1 Namespace:}\n\t\t{Kind:ServiceAccount APIGroup: Name:sa Namespace:default}\n'],
  ['a recreated binding', { object: obj, operation: 'recreate', protected: false, missingSubjects: [] }, NEITHER, '\treconciliation required recreate\n'],
  ['an object that opted out', { object: obj, operation: 'update', protected: true, missingRules: [{ apiGroups: [''], resources: ['services'], verbs: ['get'] }] }, NEITHER,
    '\treconciliation required update, but object opted out (rbac.authorization.kubernetes.io/autoupdate: false)\n' +
    '\tmissing rules added:\n\t\t{Verbs:[get] APIGroups:[] Resources:[services] ResourceNames:[] NonResourceURLs:[]}\n'],
];

describe('reportLines', () => {
  for (const [name, outcome, flags, want] of CASES) {
    it(name, () => {
      expect(reportLines(outcome, flags)).toBe(want);
    });
  }
});

describe('Go %+v', () => {
  it('prints a rule with all its fields and a subject with empty ones', () => {
    expect(goRule({ verbs: ['*'], apiGroups: ['', 'extensions', 'apps'], resources: ['*'] })).toBe('{Verbs:[*] APIGroups:[ extensions apps] Resources:[*] ResourceNames:[] NonResourceURLs:[]}');
    expect(goSubject({ kind: 'User', name: 'a b' })).toBe('{Kind:User APIGroup: Name:a b Namespace:}');
  });
});
