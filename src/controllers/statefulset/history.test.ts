import { describe, expect, it } from 'vitest';
import { fnv32, fnv32a, goJson, hashRevisionData, newRevision, safeEncodeString, sortRevisions, templateOf, templatePatch } from './history.js';
import { computeHash } from '../daemonset/revisions.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('revision hashing', () => {
  it.each([
    ['', 0x811c9dc5, 0x811c9dc5],
    ['a', 0x050c5d7e, 0xe40c292c],
    ['foobar', 0x31f0b262, 0xbf9cf968],
  ])('FNV-32 and FNV-32a of %j', (s, fnv1, fnv1a) => {
    expect(fnv32(bytes(s))).toBe(fnv1);
    expect(fnv32a(bytes(s))).toBe(fnv1a);
  });

  it('encodes with the bad-word-free alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('writes JSON as Go does: sorted keys, <>& escaped', () => {
    expect(goJson({ b: 1, a: { d: '<x&y>', c: [2, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[2,{"e":0,"f":1}],"d":"\\u003cx\\u0026y\\u003e"},"b":1}');
  });

  it('names a revision after its owner and data, and restores the template', () => {
    const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'ns', uid: 'u' } };
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [] } };
    const rev = newRevision(owner, template.metadata.labels, templatePatch(template), 1, 0);
    const hash = hashRevisionData(goJson(templatePatch(template)), 0);
    expect(rev.metadata.name).toBe(`web-${hash}`);
    expect(rev.metadata.labels).toEqual({ app: 'web', 'controller.kubernetes.io/hash': hash });
    expect(templateOf(rev)).toEqual(template);
    expect(hashRevisionData(goJson(templatePatch(template)), 1)).not.toBe(hash);
    expect(computeHash(template, 0)).not.toBe(computeHash(template, 1));
    expect(computeHash(template)).toMatch(/^[4-9bcdf]{1,10}$/);
  });

  it('sorts revisions by number, then age, then name', () => {
    const r = (name: string, revision: number, t: string) => ({ metadata: { name, creationTimestamp: t }, revision });
    expect(sortRevisions([r('c', 2, '2026-01-01T00:00:00Z'), r('b', 1, '2026-01-02T00:00:00Z'), r('a', 1, '2026-01-02T00:00:00Z'), r('z', 1, '2026-01-01T00:00:00Z')]).map((x) => x.metadata.name)).toEqual(['z', 'a', 'b', 'c']);
  });
});
