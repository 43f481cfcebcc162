import { describe, expect, it } from 'vitest';
import { cleanKey, compareKeys, inOrderKey, isBelow, isHiddenBelow, keyPrefixes, parentKey, subtreePrefix } from './keys.js';
import { formatExpiration, ttlSeconds } from './render.js';

describe('cleanKey (Go path.Clean(path.Join("/", key)))', () => {
  it.each([
    ['foo', '/foo'],
    ['/foo', '/foo'],
    ['/foo/', '/foo'],
    ['//foo//bar//', '/foo/bar'],
    ['', '/'],
    ['/', '/'],
    ['///', '/'],
    ['a/./b', '/a/b'],
    ['a/../b', '/b'],
    ['../../x', '/x'],
    ['/a/b/..', '/a'],
    ['_hidden/x', '/_hidden/x'],
  ])('%j → %s', (input, want) => {
    expect(cleanKey(input)).toBe(want);
  });
});

describe('key helpers', () => {
  it.each([
    ['/', [], '/', '/'],
    ['/a', ['/a'], '/', '/a/'],
    ['/a/b/c', ['/a', '/a/b', '/a/b/c'], '/a/b', '/a/b/c/'],
  ])('%s: prefixes %j, parent %s, subtree %s', (key, prefixes, parent, subtree) => {
    expect(keyPrefixes(key)).toEqual(prefixes);
    expect(parentKey(key)).toBe(parent);
    expect(subtreePrefix(key)).toBe(subtree);
  });

  it.each([
    ['/', '/a', true],
    ['/a', '/a/b', true],
    ['/a', '/a', false],
    ['/a', '/ab', false],
    ['/a/b', '/a', false],
  ])('isBelow(%s, %s) = %s', (dir, key, want) => {
    expect(isBelow(dir, key)).toBe(want);
  });

  it.each([
    ['/', '/_a', true],
    ['/', '/a/_b/c', true],
    ['/a', '/a/b', false],
    ['/a', '/a/_b', true],
    ['/_a', '/_a/b', false],
    ['/a/b', '/a', false],
  ])('isHiddenBelow(%s, %s) = %s', (watch, key, want) => {
    expect(isHiddenBelow(watch, key)).toBe(want);
  });

  it.each([
    ['/', 7, '/00000000000000000007'],
    ['/queue', 5, '/queue/00000000000000000005'],
    ['queue/', 12345678901, '/queue/00000000012345678901'],
  ])('inOrderKey(%s, %i) = %s', (dir, index, want) => {
    expect(inOrderKey(dir, index)).toBe(want);
  });

  it('sorts keys by UTF-8 bytes, as Go does', () => {
    const keys = ['/b', '/\u{1F600}', '/a', '/\uFF21', '/B'];
    expect([...keys].sort(compareKeys)).toEqual(['/B', '/a', '/b', '/\uFF21', '/\u{1F600}']);
  });
});

describe('expiration and TTL as etcd renders them', () => {
  const base = Date.UTC(2026, 10, 22, 13, 12, 21);
  it.each([
    [base, '2026-11-22T13:12:21Z'],
    [base + 971, '2026-11-22T13:12:21.971Z'],
    [base + 971.25, '2026-11-22T13:12:21.97125Z'],
    [base + 0.001, '2026-11-22T13:12:21.000001Z'],
    [base + 100, '2026-11-22T13:12:21.1Z'],
    [base + 999.9999999999, '2026-11-22T13:12:22Z'],
  ])('formatExpiration(%d) = %s', (ms, want) => {
    expect(formatExpiration(ms)).toBe(want);
  });

  it.each([
    [100_000, 100],
    [99_999, 100],
    [99_001, 100],
    [99_000, 99],
    [1, 1],
    [0, 0],
    [-1, 0],
    [-1500, -1],
  ])('%d ms left → ttl %d', (left, want) => {
    expect(ttlSeconds(base + left, base)).toBe(want);
  });
});
