import { describe, expect, it } from 'vitest';
import { comparePE, deserializePE, fieldPE, keyPE, pathString, serializePE, type PathElement } from './path-element.js';

describe('path elements', () => {
  // structured-merge-diff v4.4.2 fieldpath/serialize-pe_test.go TestPathElementRoundTrip
  it.each([
    'i:0',
    'i:1234',
    'f:',
    'f:spec',
    'f:more-complicated-string',
    'k:{"name":"my-container"}',
    'k:{"port":"8080","protocol":"TCP"}',
    'k:{"optionalField":null}',
    'k:{"jsonField":{"A":1,"B":null,"C":"D","E":{"F":"G"}}}',
    'k:{"listField":["1","2","3"]}',
    'v:null',
    'v:"some-string"',
    'v:1234',
    'v:{"some":"json"}',
  ])('round-trips %s', (s) => {
    expect(serializePE(deserializePE(s)!)).toBe(s);
  });

  it('ignores unknown qualifiers and rejects malformed ones', () => {
    expect(deserializePE('r:Hello')).toBeUndefined();
    expect(() => deserializePE('f')).toThrow('key must be 2 characters long:');
    expect(() => deserializePE('fx')).toThrow('missing colon: fx');
  });

  it('orders fields < keys < values < indexes', () => {
    const pes: PathElement[] = [{ index: 1 }, { value: 'aa' }, { value: 1 }, keyPE([['name', 'b']]), fieldPE('b'), fieldPE('a'), keyPE([['name', 'a']]), { value: true }];
    expect([...pes].sort(comparePE).map(serializePE)).toEqual(['f:a', 'f:b', 'k:{"name":"a"}', 'k:{"name":"b"}', 'v:1', 'v:"aa"', 'v:true', 'i:1']);
  });

  it.each([
    [[fieldPE('spec'), fieldPE('replicas')], '.spec.replicas'],
    [[fieldPE('spec'), fieldPE('containers'), keyPE([['name', 'nginx']]), fieldPE('image')], '.spec.containers[name="nginx"].image'],
    [[fieldPE('ports'), keyPE([['protocol', 'TCP'], ['containerPort', 80]])], '.ports[containerPort=80,protocol="TCP"]'],
    [[fieldPE('metadata'), fieldPE('finalizers'), { value: 'a/b' }], '.metadata.finalizers[="a/b"]'],
  ] as const)('prints %j as %s', (path, text) => {
    expect(pathString(path)).toBe(text);
  });
});
