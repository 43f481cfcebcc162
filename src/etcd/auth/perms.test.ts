import { describe, expect, it } from 'vitest';
import { mergePerms, rangePermitted, READ, READWRITE, WRITE, type Permission, type PermType } from './perms.js';

const b = (s: string): Buffer => Buffer.from(s);
const perm = (permType: PermType, key: string, rangeEnd = ''): Permission => ({ permType, key: b(key), rangeEnd: rangeEnd === '\0' ? Buffer.from([0]) : b(rangeEnd) });

// A role as `etcdctl role grant-permission` would build it.
const ROLE = mergePerms([
  perm(READ, '/app/', '/app0'), // --prefix /app/
  perm(READWRITE, '/x'), // one key
  perm(WRITE, '/c', '/d'),
  perm(READ, '/z', '\0'), // --from-key /z
  perm(READ, '/m', '/n'),
  perm(READ, '/n', '/o'), // adjacent to [/m, /n): together they cover [/m, /o)
]);

describe('rangePermitted', () => {
  const cases: [string, string, string, typeof READ | typeof WRITE, boolean][] = [
    ['a key inside a prefix', '/app/x', '', READ, true],
    ['the prefix itself', '/app/', '', READ, true],
    ['the whole prefix range', '/app/', '/app0', READ, true],
    ['a sub-range of the prefix', '/app/a', '/app/b', READ, true],
    ['a range reaching past the prefix', '/app/', '/app1', READ, false],
    ['a range starting before the prefix', '/app', '/app0', READ, false],
    ['write where only read is granted', '/app/x', '', WRITE, false],
    ['a single-key grant, read', '/x', '', READ, true],
    ['a single-key grant, write', '/x', '', WRITE, true],
    ['a longer key than the single-key grant', '/xy', '', READ, false],
    ['a range over a single-key grant', '/x', '/y', READ, false],
    ['the range end is exclusive', '/d', '', WRITE, false],
    ['inside a plain range', '/c/deep', '', WRITE, true],
    ['from-key grant: a later key', '/zzz', '', READ, true],
    ['from-key grant: an open range from it', '/z', '\0', READ, true],
    ['from-key grant: an open range from after it', '/zz', '\0', READ, true],
    ['an open range from before the grant', '/y', '\0', READ, false],
    ['a bounded range inside the open grant', '/z1', '/z9', READ, true],
    ['two adjacent grants cover a range across both', '/m', '/o', READ, true],
    ['adjacent grants do not reach further', '/m', '/p', READ, false],
    ['a key outside everything', '/other', '', READ, false],
  ];
  it.each(cases)('%s', (_name, key, end, type, want) => {
    const rangeEnd = end === '\0' ? Buffer.from([0]) : b(end);
    expect(rangePermitted(ROLE, b(key), rangeEnd, type)).toBe(want);
  });

  it('grants nothing without permissions', () => {
    expect(rangePermitted(mergePerms([]), b('/a'), Buffer.alloc(0), READ)).toBe(false);
  });

  it('sees a gap between two grants', () => {
    const gap = mergePerms([perm(READ, '/a', '/b'), perm(READ, '/c', '/d')]);
    expect(rangePermitted(gap, b('/a'), b('/d'), READ)).toBe(false);
    expect(rangePermitted(gap, b('/c'), b('/d'), READ)).toBe(true);
  });
});
