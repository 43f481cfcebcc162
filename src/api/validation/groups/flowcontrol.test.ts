import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../defaulting/index.js';
import { bootstrapFlowControl } from '../../flowcontrol/bootstrap.js';
import type { KObject } from '../../types.js';
import { createErrors, updateErrors } from '../testing.js';

const FS = 'FlowSchema.flowcontrol.apiserver.k8s.io';
const PL = 'PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io';
const meta = (name: string) => ({ name, uid: `uid-${name}` });
const everything = { subjects: [{ kind: 'Group', group: { name: 'system:authenticated' } }], resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], clusterScope: true, namespaces: ['*'] }] };
const schema = (name: string, spec: Record<string, unknown> = {}) => ({ metadata: meta(name), spec: { priorityLevelConfiguration: { name: 'global-default' }, rules: [everything], ...spec } });
const level = (name: string, spec: Record<string, unknown>) => ({ metadata: meta(name), spec });
const kindOf = (o: KObject) => `${o.kind}.flowcontrol.apiserver.k8s.io`;

describe('flowcontrol.apiserver.k8s.io defaults', () => {
  it('fills in precedence 1000, shares 30, lendable 0 and queuing 64/8/50', () => {
    const fs = schema('x') as unknown as KObject;
    applyDefaults(FS, fs);
    expect((fs.spec as Record<string, unknown>).matchingPrecedence).toBe(1000);
    const pl = level('x', { type: 'Limited', limited: { limitResponse: { type: 'Queue', queuing: {} } } }) as unknown as KObject;
    applyDefaults(PL, pl);
    expect(pl.spec).toEqual({ type: 'Limited', limited: { nominalConcurrencyShares: 30, lendablePercent: 0, limitResponse: { type: 'Queue', queuing: { queues: 64, handSize: 8, queueLengthLimit: 50 } } } });
  });

  it('leaves the bootstrap objects as they are, and they are valid', () => {
    for (const obj of bootstrapFlowControl()) {
      const copy = structuredClone(obj);
      applyDefaults(kindOf(obj), copy);
      expect(copy).toEqual(obj);
      expect(createErrors(kindOf(obj), obj)).toEqual([]);
    }
  });
});

describe('flowcontrol.apiserver.k8s.io validation', () => {
  it.each([
    [FS, schema('x'), []],
    [FS, schema('x', { matchingPrecedence: 1, distinguisherMethod: { type: 'ByColour' }, priorityLevelConfiguration: {} }), [
      'spec.matchingPrecedence: Invalid value: 1: only the schema named \'exempt\' may have matchingPrecedence 1',
      'spec.distinguisherMethod.type: Unsupported value: flowcontrol.FlowDistinguisherMethod{Type:"ByColour"}: supported values: "ByNamespace", "ByUser"',
      'spec.priorityLevelConfiguration.name: Required value: must reference a priority level',
    ]],
    [FS, schema('x', { matchingPrecedence: 10001, rules: [{ subjects: [{ kind: 'User', group: { name: 'g' } }, { kind: 'ServiceAccount', serviceAccount: { name: 'x' } }, { kind: 'Robot' }] }] }), [
      'spec.matchingPrecedence: Invalid value: 10001: must not be greater than 10000',
      'spec.rules[0].subjects[0].user: Required value: user is required when subject kind is \'User\'',
      'spec.rules[0].subjects[0].group: Forbidden: group is forbidden when subject kind is not \'Group\'',
      'spec.rules[0].subjects[1].serviceAccount.namespace: Required value: must specify namespace for service account',
      'spec.rules[0].subjects[2].kind: Unsupported value: "Robot": supported values: "Group", "ServiceAccount", "User"',
      'spec.rules[0]: Required value: at least one of resourceRules and nonResourceRules has to be non-empty',
    ]],
    [FS, schema('x', { rules: [{ ...everything, resourceRules: [{ verbs: ['get', 'fly'], apiGroups: [], resources: ['*', 'pods'], namespaces: ['Bad'] }], nonResourceRules: [{ verbs: ['*', 'get'], nonResourceURLs: ['/a/*/b', 'healthz'] }] }] }), [
      'spec.rules[0].resourceRules[0].verbs: Unsupported value: []string{"get", "fly"}: supported values: "create", "delete", "deletecollection", "get", "list", "patch", "proxy", "update", "watch"',
      'spec.rules[0].resourceRules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'spec.rules[0].resourceRules[0].resources: Invalid value: []string{"*", "pods"}: if \'*\' is present, must not specify other resources',
      expect.stringMatching(/^spec\.rules\[0\]\.resourceRules\[0\]\.namespaces\[0\]: Invalid value: "Bad": each member of this list must be '\*' or a DNS-1123 label; a lowercase RFC 1123 label/),
      'spec.rules[0].nonResourceRules[0].verbs: Invalid value: []string{"*", "get"}: if \'*\' is present, must not specify other verbs',
      'spec.rules[0].nonResourceRules[0].nonResourceURLs[0]: Invalid value: "/a/*/b": wildcard can only do suffix matching',
      'spec.rules[0].nonResourceRules[0].nonResourceURLs[1]: Invalid value: "healthz": must start with slash',
    ]],
    [FS, schema('catch-all', { matchingPrecedence: 10000 }), [
      expect.stringMatching(/^spec: Invalid value: flowcontrol\.FlowSchemaSpec\{PriorityLevelConfiguration:flowcontrol\.PriorityLevelConfigurationReference\{Name:"global-default"\}, MatchingPrecedence:10000, DistinguisherMethod:\(\*flowcontrol\.FlowDistinguisherMethod\)\(nil\), Rules:\[\]flowcontrol\.PolicyRulesWithSubjects\{flowcontrol\.PolicyRulesWithSubjects\{Subjects:\[\]flowcontrol\.Subject\{flowcontrol\.Subject\{Kind:"Group", User:\(\*flowcontrol\.UserSubject\)\(nil\), Group:\(\*flowcontrol\.GroupSubject\)\(0xc000000000\).*: spec of 'catch-all' must equal the fixed value$/),
    ]],
    [PL, level('x', { type: 'Limited', limited: { nominalConcurrencyShares: -1, lendablePercent: 101, borrowingLimitPercent: -1, limitResponse: { type: 'Queue', queuing: { queues: 4, handSize: 5, queueLengthLimit: -1 } } } }), [
      'spec.limited.nominalConcurrencyShares: Invalid value: -1: must be a non-negative integer',
      'spec.limited.limitResponse.queuing.queueLengthLimit: Invalid value: -1: must be positive',
      'spec.limited.limitResponse.queuing.handSize: Invalid value: 5: should not be greater than queues (4)',
      'spec.limited.lendablePercent: Invalid value: 101: must be between 0 and 100, inclusive',
      'spec.limited.borrowingLimitPercent: Invalid value: -1: if specified, must be a non-negative integer',
    ]],
    [PL, level('x', { type: 'Exempt', limited: { limitResponse: { type: 'Reject', queuing: {} } } }), [
      'spec.type: Invalid value: "Exempt": type must be \'Exempt\' if and only if name is \'exempt\'',
      'spec.limited: Forbidden: must be nil if the type is not Limited',
    ]],
    [PL, level('x', { type: 'Limited', limited: { limitResponse: { type: 'Queue', queuing: { queues: 1000000, handSize: 5 } } } }), [
      'spec.limited.limitResponse.queuing.handSize: Invalid value: 5: required entropy bits of deckSize 1000000 and handSize 5 should not be greater than 60',
    ]],
    [PL, level('x', { type: 'Limited', limited: { limitResponse: { type: 'Drop' } } }), ['spec.limited.limitResponse.type: Unsupported value: "Drop": supported values: "Queue", "Reject"']],
    [PL, level('x', { type: 'Limited' }), ['spec.limited: Required value: must not be empty when type is Limited']],
    [PL, level('catch-all', { type: 'Limited', limited: { nominalConcurrencyShares: 6, limitResponse: { type: 'Reject' } } }), [
      'spec: Invalid value: flowcontrol.PriorityLevelConfigurationSpec{Type:"Limited", Limited:(*flowcontrol.LimitedPriorityLevelConfiguration)(0xc000000000), Exempt:(*flowcontrol.ExemptPriorityLevelConfiguration)(nil)}: spec of \'catch-all\' must equal the fixed value',
    ]],
    // the exempt level's `exempt` section may change
    [PL, level('exempt', { type: 'Exempt', exempt: { nominalConcurrencyShares: 5, lendablePercent: 10 } }), []],
  ])('%s %#', (kind, obj, want) => expect(createErrors(kind, obj)).toEqual(want));

  it('checks status conditions on update', () => {
    const fs = schema('x', { matchingPrecedence: 500 });
    expect(updateErrors(FS, { ...fs, status: { conditions: [{ type: 'Dangling' }, { type: 'Dangling' }, { status: 'True' }] } }, fs)).toEqual([
      'status.conditions[1].type: Duplicate value: "Dangling"',
      'status.conditions[2].type: Required value: must not be empty',
    ]);
  });
});
