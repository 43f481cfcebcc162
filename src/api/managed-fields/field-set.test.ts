import { describe, expect, it } from 'vitest';
import { FieldSet } from './field-set.js';
import { pathString, type Path } from './path-element.js';

/** A path from dotted field names (`a.b.c`). */
const p = (s: string): Path => s.split('.').map((field) => ({ field }));
const set = (...paths: string[]): FieldSet => FieldSet.of(...paths.map(p));
const list = (s: FieldSet): string[] => s.paths().map(pathString);

describe('field sets', () => {
  it.each([
    ['union', set('a.b', 'c'), set('a.d', 'c'), (x: FieldSet, y: FieldSet) => x.union(y), ['.c', '.a.b', '.a.d']],
    ['intersection', set('a.b', 'a.c', 'd'), set('a.c', 'd', 'e'), (x: FieldSet, y: FieldSet) => x.intersection(y), ['.d', '.a.c']],
    ['difference: child - parent = {}, parent - child = parent', set('a', 'b.c'), set('a.x', 'b'), (x: FieldSet, y: FieldSet) => x.difference(y), ['.a', '.b.c']],
    ['recursive difference removes what is below a member', set('a', 'b.c', 'b.d.e', 'f.g'), set('b', 'f.h'), (x: FieldSet, y: FieldSet) => x.recursiveDifference(y), ['.a', '.f.g']],
  ])('%s', (_name, x, y, op, want) => {
    expect(list(op(x, y))).toEqual(want);
  });

  it('tells members from parents', () => {
    const s = set('spec.replicas');
    expect(s.has(p('spec.replicas'))).toBe(true);
    expect(s.has(p('spec'))).toBe(false);
    expect(s.empty()).toBe(false);
    expect(s.difference(set('spec.replicas')).empty()).toBe(true);
  });
});
