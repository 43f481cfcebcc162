import { describe, expect, it } from 'vitest';
import { GoLiteral, goLabelSelector } from './govalue.js';
import { fieldErrorBody, fieldErrorString, fieldErrorsAggregate, forbidden, formatBadValue, invalid, notSupported, required, tooLong } from './field.js';

describe('formatBadValue', () => {
  it.each([
    ['Foo_', '"Foo_"'],
    ['a"b\n', '"a\\"b\\n"'],
    [8080, '8080'],
    [-1, '-1'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'null'],
    [['10.96.0.1'], '[]string{"10.96.0.1"}'],
    [{ tier: 'db', app: 'web' }, 'map[string]string{"app":"web", "tier":"db"}'],
    [new GoLiteral('rbac.RoleRef{Kind:"Role"}'), 'rbac.RoleRef{Kind:"Role"}'],
  ])('%j → %s', (v, want) => expect(formatBadValue(v)).toBe(want));

  it('prints a label selector as Go %#v of the dereferenced struct', () => {
    expect(formatBadValue(goLabelSelector({ matchLabels: { app: 'nginx2' } }))).toBe('v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}');
  });
});

describe('fieldErrorBody / fieldErrorString', () => {
  it.each([
    [required('spec.containers[0].image'), 'spec.containers[0].image: Required value'],
    [required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    [invalid('spec.replicas', -1, 'must be greater than or equal to 0'), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']), 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    [forbidden('spec.ephemeralContainers', 'cannot be set on create'), 'spec.ephemeralContainers: Forbidden: cannot be set on create'],
    [tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
  ])('%j', (e, want) => {
    expect(fieldErrorString(e)).toBe(want);
    expect(fieldErrorBody(e)).toBe(want.slice(e.field.length + 2));
  });

  it('omits badValue on value-less errors', () => {
    expect('badValue' in required('x')).toBe(false);
    expect('badValue' in forbidden('x', 'y')).toBe(false);
  });

  it('aggregates like ToAggregate: one bare, several bracketed, duplicates once', () => {
    const a = required('a');
    const b = required('b');
    expect(fieldErrorsAggregate([a])).toBe('a: Required value');
    expect(fieldErrorsAggregate([a, b, a])).toBe('[a: Required value, b: Required value]');
  });
});
