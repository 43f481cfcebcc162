import { describe, expect, it } from 'vitest';

import { applyPatch, STRATEGIC_MERGE_PATCH } from '../index.js';
import type { JsonMap } from '../values.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };

const nginx = (image = 'nginx:1.25', more: JsonMap = {}): JsonMap => ({ name: 'nginx', image, ...more });

interface Case {
  name: string;
  original: JsonMap;
  patch: JsonMap;
  expected: JsonMap;
}

const pod = (spec: JsonMap, metadata: JsonMap = {}): JsonMap => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ...metadata },
  spec,
});

const LIST_STRATEGY_CASES: Case[] = [
  {
    name: 'tolerations have no strategy: replaced whole',
    original: pod({ tolerations: [{ key: 'a', operator: 'Exists' }] }),
    patch: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
    expected: pod({ tolerations: [{ key: 'b', operator: 'Exists' }] }),
  },
  {
    name: 'finalizers are unioned (merge strategy on a list of strings)',
    original: pod({}, { finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['b', 'c'] } },
    expected: pod({}, { finalizers: ['a', 'b', 'c'] }),
  },
  {
    name: '$deleteFromPrimitiveList removes finalizers',
    original: pod({}, { finalizers: ['a', 'b', 'c'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    expected: pod({}, { finalizers: ['a', 'c'] }),
  },
  {
    name: 'ownerReferences merge by uid; without $setElementOrder patch items come first',
    original: pod({}, { ownerReferences: [{ uid: '1', name: 'rs', kind: 'ReplicaSet' }] }),
    patch: { metadata: { ownerReferences: [{ uid: '2', name: 'other', kind: 'Job' }] } },
    expected: pod({}, {
      ownerReferences: [
        { uid: '2', name: 'other', kind: 'Job' },
        { uid: '1', name: 'rs', kind: 'ReplicaSet' },
      ],
    }),
  },
  {
    name: 'a list without strategy in a patch list element replaces (container command)',
    original: pod({ containers: [nginx('nginx', { command: ['a', 'b'] })] }),
    patch: { spec: { containers: [{ name: 'nginx', command: ['c'] }] } },
    expected: pod({ containers: [nginx('nginx', { command: ['c'] })] }),
  },
  {
    name: '$patch: replace on a list keeps only the patch items',
    original: pod({ containers: [nginx(), { name: 'b', image: 'b' }] }),
    patch: { spec: { containers: [{ $patch: 'replace' }, { name: 'c', image: 'c' }] } },
    expected: pod({ containers: [{ name: 'c', image: 'c' }] }),
  },
  {
    name: '$patch: replace on a map takes the patch map',
    original: pod({ nodeSelector: { a: '1', b: '2' } }),
    patch: { spec: { nodeSelector: { $patch: 'replace', c: '3' } } },
    expected: pod({ nodeSelector: { c: '3' } }),
  },
  {
    name: '$patch: delete on a map empties it',
    original: pod({ nodeSelector: { a: '1' }, hostname: 'h' }),
    patch: { spec: { nodeSelector: { $patch: 'delete' } } },
    expected: pod({ nodeSelector: {}, hostname: 'h' }),
  },
  {
    name: 'a new list element is taken as sent (nulls inside are not dropped)',
    original: pod({ containers: [nginx()] }),
    patch: { spec: { containers: [{ name: 'new', image: 'x', env: [{ name: 'A', value: null }] }] } },
    expected: pod({ containers: [{ name: 'new', image: 'x', env: [{ name: 'A', value: null }] }, nginx()] }),
  },
  {
    name: 'a field absent from the original takes the patch value without nulls and directives',
    original: pod({}),
    patch: { spec: { affinity: { nodeAffinity: null, podAffinity: { $patch: 'delete' }, x: { y: 1 } } } },
    expected: pod({ affinity: { x: { y: 1 } } }),
  },
];

describe('strategic merge patch: list strategies of the built-in types', () => {
  it.each(LIST_STRATEGY_CASES)('$name', ({ original, patch, expected }) => {
    expect(applyPatch(STRATEGIC_MERGE_PATCH, original, JSON.stringify(patch), POD)).toEqual(expected);
  });

  it.each([
    {
      what: 'Service ports merge by port',
      key: { group: '', version: 'v1', kind: 'Service' },
      original: { metadata: { name: 's' }, spec: { ports: [{ port: 80, name: 'http' }] } },
      patch: { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, name: 'https' }] } },
      expected: {
        metadata: { name: 's' },
        spec: { ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 443, name: 'https' }] },
      },
    },
    {
      what: 'Node taints have no strategy: replaced whole',
      key: { group: '', version: 'v1', kind: 'Node' },
      original: { metadata: { name: 'n' }, spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] } },
      patch: { spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } },
      expected: { metadata: { name: 'n' }, spec: { taints: [{ key: 'b', effect: 'NoExecute' }] } },
    },
    {
      what: 'Node conditions merge by type',
      key: { group: '', version: 'v1', kind: 'Node' },
      original: { metadata: {}, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      patch: { status: { conditions: [{ type: 'Ready', status: 'False' }] } },
      expected: { metadata: {}, status: { conditions: [{ type: 'Ready', status: 'False' }] } },
    },
    {
      what: 'PodDisruptionBudget selector has patchStrategy replace',
      key: { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget' },
      original: { metadata: {}, spec: { selector: { matchLabels: { a: '1' } } } },
      patch: { spec: { selector: { matchLabels: { b: '2' } } } },
      expected: { metadata: {}, spec: { selector: { matchLabels: { b: '2' } } } },
    },
    {
      what: 'ConfigMap data merges as a map',
      key: { group: '', version: 'v1', kind: 'ConfigMap' },
      original: { metadata: { name: 'c' }, data: { a: '1', b: '2' } },
      patch: { data: { b: null, c: '3' } },
      expected: { metadata: { name: 'c' }, data: { a: '1', c: '3' } },
    },
    {
      what: 'CronJob reaches the pod spec through jobTemplate',
      key: { group: 'batch', version: 'v1', kind: 'CronJob' },
      original: { metadata: {}, spec: { jobTemplate: { spec: { template: { spec: { containers: [nginx()] } } } } } },
      patch: { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'x', image: 'x' }] } } } } } },
      expected: {
        metadata: {},
        spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'x', image: 'x' }, nginx()] } } } } },
      },
    },
  ])('$what', ({ key, original, patch, expected }) => {
    expect(applyPatch(STRATEGIC_MERGE_PATCH, original, JSON.stringify(patch), key)).toEqual(expected);
  });
});
