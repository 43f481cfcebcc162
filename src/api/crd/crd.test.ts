// Custom resources' schema rules and CRD naming, against the texts apiextensions-apiserver v0.32 gives.
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../validation/field.js';
import { validateValue } from './validate-schema.js';
import { applySchemaDefaults, prune } from './structural.js';
import { namedStatus } from './names.js';
import type { JSONSchemaProps } from './schema.js';
import type { KObject } from '../types.js';

const schema: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['image'],
      properties: {
        image: { type: 'string', minLength: 1 },
        mode: { type: 'string', enum: ['a', 'b'] },
        replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
        ports: { type: 'array', maxItems: 2, items: { type: 'integer' } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};

const errors = (v: unknown): string[] => validateValue('', schema, v).map(fieldErrorString);

describe('custom resource schema validation', () => {
  it.each([
    [{ spec: { image: 'x', replicas: 'two' } }, ['spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"']],
    [{ spec: {} }, ['spec.image: Required value']],
    [{ spec: { image: '' } }, ['spec.image: Invalid value: "": spec.image in body should be at least 1 chars long']],
    [{ spec: { image: 'x', mode: 'c' } }, ['spec.mode: Unsupported value: "c": supported values: "a", "b"']],
    [{ spec: { image: 'x', replicas: 0 } }, ['spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1']],
    [{ spec: { image: 'x', replicas: 11 } }, ['spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10']],
    [{ spec: { image: 'x', ports: [1, 2, 3] } }, ['spec.ports: Too many: 3: must have at most 2 items']],
    [{ spec: { image: 'x', ports: ['a'] } }, ['spec.ports[0]: Invalid value: "string": spec.ports[0] in body must be of type integer: "string"']],
    [{ spec: { image: 'x', labels: { a: 1 } } }, ['spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"']],
    [{ spec: { image: null } }, ['spec.image: Invalid value: "null": spec.image in body must be of type string: "null"']],
    [{ spec: 'x' }, ['spec: Invalid value: "string": spec in body must be of type object: "string"']],
    [{ spec: { image: 'x', replicas: 3, free: { anything: [1] } } }, []],
  ])('%j', (obj, want) => {
    expect(errors(obj)).toEqual(want);
  });
});

describe('pruning and defaults', () => {
  it('drops undeclared fields (keeping apiVersion, kind, metadata and preserved subtrees) and fills defaults', () => {
    const obj: Record<string, unknown> = { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'x' }, extra: 1, spec: { image: 'x', junk: true, free: { any: 1 }, labels: { k: 'v' } } };
    expect(prune(schema, obj)).toEqual(['extra', 'spec.junk']);
    applySchemaDefaults(schema, obj);
    expect(obj).toEqual({ apiVersion: 'a/v1', kind: 'K', metadata: { name: 'x' }, spec: { image: 'x', free: { any: 1 }, labels: { k: 'v' }, replicas: 1 } });
  });
});

const crd = (name: string, plural: string, kind: string, status: object = {}): KObject => ({
  metadata: { name },
  spec: { group: 'example.com', names: { plural, singular: plural.slice(0, -1), kind, listKind: `${kind}List` } },
  status,
});

describe('CRD naming', () => {
  it('accepts fresh names and establishes the CRD', () => {
    const st = namedStatus(crd('foos.example.com', 'foos', 'Foo'), [], 'T');
    expect(st.acceptedNames).toEqual({ plural: 'foos', singular: 'foo', kind: 'Foo', listKind: 'FooList' });
    expect(st.conditions).toEqual([
      { type: 'NamesAccepted', status: 'True', lastTransitionTime: 'T', reason: 'NoConflicts', message: 'no conflicts found' },
      { type: 'Established', status: 'True', lastTransitionTime: 'T', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
    ]);
  });
  it('refuses a kind another CRD of the group has', () => {
    const other = crd('bars.example.com', 'bars', 'Foo', { acceptedNames: { plural: 'bars', kind: 'Foo' } });
    const st = namedStatus(crd('foos.example.com', 'foos', 'Foo'), [other], 'T');
    expect(st.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['NamesAccepted', 'False', 'KindConflict', '"Foo" is already in use'],
      ['Established', 'False', 'NotAccepted', 'not all names are accepted'],
    ]);
  });
});

describe('kube-aware version order', () => {
  it('puts GA before beta before alpha, higher first, others last', async () => {
    const { byKubeAwareVersion } = await import('../resources/version-order.js');
    expect(['v1alpha1', 'foo', 'v1', 'v2beta1', 'v1beta2', 'v2', 'v10', 'bar'].sort(byKubeAwareVersion)).toEqual(['v10', 'v2', 'v1', 'v2beta1', 'v1beta2', 'v1alpha1', 'bar', 'foo']);
  });
});
