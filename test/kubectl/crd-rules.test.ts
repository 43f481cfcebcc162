// CRD validation rules (x-kubernetes-validations, CEL): the real kubectl and ours on one cluster see
// the same field errors — rule messages, messageExpression, failed rule defaults, fieldPath and
// reason, transition rules (oldSelf) only on update, integer vs number typing, a root-level rule,
// the rules skipped while the schema's own checks fail, and a CRD whose rule does not compile.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: tanks.example.com}
spec:
  group: example.com
  names: {kind: Tank, plural: tanks}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-validations:
        - rule: "self.metadata.name.startsWith('t')"
          message: names start with t
        properties:
          spec:
            type: object
            x-kubernetes-validations:
            - rule: "self.size <= self.max"
              messageExpression: "'size ' + string(self.size) + ' is over ' + string(self.max)"
            - rule: "self.size >= oldSelf.size"
              message: size cannot shrink
              fieldPath: .size
              reason: FieldValueForbidden
            - rule: "self.ratio < 1.0"
            properties:
              size: {type: integer, minimum: 0}
              max: {type: integer}
              ratio: {type: number}
              mode:
                type: string
                x-kubernetes-validations:
                - rule: "self in ['a', 'b']"
`;

const tank = (name: string, spec: string) => `apiVersion: example.com/v1\nkind: Tank\nmetadata: {name: ${name}}\nspec: ${spec}\n`;

describe.skipIf(!hasRealKubectl)('CRD validation rules, ours against the real kubectl (skipped: no /usr/bin/kubectl)', () => {
  const c = useCluster('crdrules');
  beforeAll(async () => {
    c.file('crd.yaml', CRD);
    c.file('t1.yaml', tank('t1', '{size: 3, max: 5, ratio: 0.5, mode: a}'));
    c.file('shrink.yaml', tank('t1', '{size: 2, max: 5, ratio: 1, mode: c}'));
    c.file('x1.yaml', tank('x1', '{size: 9, max: 5, ratio: 0.5}'));
    c.file('t2.yaml', tank('t2', '{size: 1, max: 5, ratio: 2}'));
    c.file('neg.yaml', tank('t3', '{size: -1, max: 5, ratio: 2}'));
    c.file('str.yaml', tank('t4', '{size: "x", max: 5, ratio: 2}'));
    c.file('broken-crd.yaml', CRD.replace('tanks.example.com', 'pumps.example.com').replace('{kind: Tank, plural: tanks}', '{kind: Pump, plural: pumps}')
      .replace('"self.size <= self.max"', '"self.size <="'));
    expect((await c.kubectl(['create', '-f', 'crd.yaml'])).code).toBe(0);
    for (let i = 0; i < 100 && (await c.kubectl(['get', 'tanks'])).code !== 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await c.kubectl(['apply', '-f', 't1.yaml'])).code).toBe(0);
  }, 120_000);

  const cases = (): Case[] => [
    { args: ['apply', '-f', 'shrink.yaml', '--dry-run=server'] },
    { args: ['create', '-f', 'x1.yaml'] },
    { args: ['create', '-f', 't2.yaml'] },
    { args: ['create', '-f', 'neg.yaml'] },
    { args: ['create', '-f', 'str.yaml'] },
    { args: ['patch', 'tank', 't1', '--type=merge', '-p', '{"spec":{"size":4}}', '--dry-run=server', '-o', 'jsonpath={.spec.size}'] },
    { args: ['create', '-f', 'broken-crd.yaml'] },
  ];

  it('answers as the real kubectl does', async () => {
    for (const k of cases()) await expectSame(c, k);
  }, 60_000);

  it('enforces the rules', async () => {
    const err = async (args: string[]) => (await c.ourKubectl(args)).stderr;
    expect(await err(['apply', '-f', 'shrink.yaml', '--dry-run=server'])).toBe([
      'The Tank "t1" is invalid: ',
      '* spec.size: Forbidden: size cannot shrink',
      '* spec: Invalid value: "object": failed rule: self.ratio < 1.0',
      "* spec.mode: Invalid value: \"string\": failed rule: self in ['a', 'b']", ''].join('\n'));
    expect(await err(['create', '-f', 'x1.yaml'])).toBe([
      'The Tank "x1" is invalid: ',
      '* <nil>: Invalid value: "object": names start with t',
      '* spec: Invalid value: "object": size 9 is over 5', ''].join('\n'));
    expect(await err(['create', '-f', 't2.yaml', '--dry-run=server'])).toBe('The Tank "t2" is invalid: spec: Invalid value: "object": failed rule: self.ratio < 1.0\n');
    // a minimum is not a blocking error (strategy.go's hasBlockingErr): the rules still run
    expect(await err(['create', '-f', 'neg.yaml', '--dry-run=server'])).toBe([
      'The Tank "t3" is invalid: ',
      '* spec.size: Invalid value: -1: spec.size in body should be greater than or equal to 0',
      '* spec: Invalid value: "object": failed rule: self.ratio < 1.0', ''].join('\n'));
    expect(await err(['create', '-f', 'str.yaml', '--dry-run=server'])).toBe([
      'The Tank "t4" is invalid: ',
      '* spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"',
      '* <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation', ''].join('\n'));
    // the rule is compiled when the CRD is written (the syntax error's own words are cel-js's)
    const broken = await c.ourKubectl(['create', '-f', 'broken-crd.yaml']);
    expect([broken.code, broken.stderr]).toEqual([1, [
      'The CustomResourceDefinition "pumps.example.com" is invalid: spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: '
        + 'Invalid value: apiextensions.ValidationRule{Rule:"self.size <=", Message:"", MessageExpression:"\'size \' + string(self.size) + \' is over \' + string(self.max)", '
        + 'Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}: compilation failed: ERROR: <input>:1:13: Syntax error: unexpected token: EOF',
      ' | self.size <=',
      ' | ............^', ''].join('\n')]);
    expect((await c.ourKubectl(['get', 'crd', 'pumps.example.com'])).code).toBe(1);
  });
});
