import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeGroupList, decodeResourceList, encodeGroupList, encodeResourceList, splitAggregated, StaleGroupVersionError, type AggList,
} from './legacy.js';

interface Capture { api: AggList; apis: AggList; files: Record<string, string> }
const capture = JSON.parse(readFileSync(new URL('./testdata/kubectl-v1.32.4-cache.json', import.meta.url), 'utf8')) as Capture;

describe('splitAggregated + encode: the files kubectl v1.32.4 writes, byte for byte', () => {
  const split = splitAggregated([capture.api, capture.apis]);
  const ours: Record<string, string> = { 'servergroups.json': encodeGroupList(split.groups) };
  for (const [gv, list] of split.lists) ours[`${gv}/serverresources.json`] = encodeResourceList(list);

  it('writes the same set of files', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(capture.files).sort());
  });
  it.each(Object.keys(capture.files))('%s', (rel) => {
    expect(ours[rel]).toBe(capture.files[rel]);
  });
});

const one = (versions: unknown[], name = 'g.example.com'): AggList => ({ items: [{ metadata: { name }, versions }] } as AggList);
const kind = (k: string) => ({ group: 'g.example.com', version: 'v1', kind: k });

describe('splitAggregated: client-go conversion rules', () => {
  it.each([
    {
      // Observed in the real kubectl's servergroups.json while metrics-server was not yet up.
      name: 'a group whose only version is Stale has null versions and an empty preferred version',
      in: one([{ version: 'v1beta1', freshness: 'Stale', resources: [] }], 'metrics.k8s.io'),
      groups: '{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"metrics.k8s.io","versions":null,"preferredVersion":{"groupVersion":"","version":""}}]}\n',
      lists: {},
    },
    {
      name: 'the first non-stale version is preferred; a stale one is left out',
      in: one([{ version: 'v2', freshness: 'Stale' }, { version: 'v1', resources: [{ resource: 'ws', responseKind: kind('W'), scope: 'Cluster', singularResource: 'w', verbs: ['get'] }] }]),
      groups: '{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"g.example.com","versions":[{"groupVersion":"g.example.com/v1","version":"v1"}],"preferredVersion":{"groupVersion":"g.example.com/v1","version":"v1"}}]}\n',
      lists: { 'g.example.com/v1': '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"g.example.com/v1","resources":[{"name":"ws","singularName":"w","namespaced":false,"group":"g.example.com","version":"v1","kind":"W","verbs":["get"]}]}\n' },
    },
    {
      name: 'no verbs is null, empty lists are omitted, a parent without a GVK is dropped but its subresource kept',
      in: one([{ version: 'v1', resources: [
        { resource: 'as', responseKind: kind('A'), scope: 'Namespaced', singularResource: 'a', shortNames: [], categories: [] },
        { resource: 'bs', scope: 'Namespaced', singularResource: 'b', verbs: ['get'], subresources: [{ subresource: 'status', responseKind: kind('B'), verbs: [] }, { subresource: 'x' }] },
      ] }]),
      lists: { 'g.example.com/v1': '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"g.example.com/v1","resources":[{"name":"as","singularName":"a","namespaced":true,"group":"g.example.com","version":"v1","kind":"A","verbs":null},{"name":"bs/status","singularName":"b","namespaced":true,"group":"g.example.com","version":"v1","kind":"B","verbs":[]}]}\n' },
    },
    {
      name: 'strings escaped as encoding/json does (<, >, &)',
      in: one([{ version: 'v1', resources: [{ resource: 'cs', responseKind: kind('C<&>'), scope: 'Cluster', singularResource: 'c', verbs: ['get'] }] }]),
      lists: { 'g.example.com/v1': '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"g.example.com/v1","resources":[{"name":"cs","singularName":"c","namespaced":false,"group":"g.example.com","version":"v1","kind":"C\\u003c\\u0026\\u003e","verbs":["get"]}]}\n' },
    },
  ])('$name', (c) => {
    const split = splitAggregated([c.in]);
    if (c.groups !== undefined) expect(encodeGroupList(split.groups)).toBe(c.groups);
    const lists = Object.fromEntries([...split.lists].map(([gv, l]) => [gv, encodeResourceList(l)]));
    expect(lists).toEqual(c.lists);
  });

  it('reports a stale group version as failed', () => {
    const split = splitAggregated([one([{ version: 'v1', freshness: 'Stale' }])]);
    expect(split.failed.get('g.example.com/v1')).toBeInstanceOf(StaleGroupVersionError);
    expect(split.failed.get('g.example.com/v1')?.message).toBe('stale GroupVersion discovery: g.example.com/v1');
  });
});

describe('decode: what the cache files hold', () => {
  it('reads back every captured file as it was written', () => {
    for (const [rel, text] of Object.entries(capture.files)) {
      if (rel === 'servergroups.json') expect(encodeGroupList(decodeGroupList(text)!)).toBe(text);
      else expect(encodeResourceList(decodeResourceList(text)!)).toBe(text);
    }
  });
  it.each([
    ['not JSON', '{"kind":'],
    ['another kind', '{"kind":"APIResourceList","apiVersion":"v1","groups":[]}'],
    ['no apiVersion', '{"kind":"APIGroupList","groups":[]}'],
    ['an array', '[]'],
  ])('rejects %s (the live answer is used instead)', (_name, text) => {
    expect(decodeGroupList(text)).toBeUndefined();
  });
  it('takes null lists as empty', () => {
    expect(decodeGroupList('{"kind":"APIGroupList","apiVersion":"v1","groups":null}')).toEqual([]);
    expect(decodeResourceList('{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":null}')).toEqual({ groupVersion: 'v1', resources: [] });
  });
});
