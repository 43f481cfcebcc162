// goSort sorts (every branch of pdqsort on sizes and shapes that reach them); that it reproduces
// Go's order of equal keys is checked against kubectl in ../sort-by.test.ts (60-pod fixtures,
// which reach the ninther, partitionEqual and breakPatterns).
import { describe, expect, it } from 'vitest';
import { goSort } from './go-sort.js';

function sorted(keys: number[]): number[] {
  const a = [...keys];
  goSort({ len: a.length, less: (i, j) => a[i]! < a[j]!, swap: (i, j) => ([a[i], a[j]] = [a[j]!, a[i]!]) });
  return a;
}

let seed = 42;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

describe('goSort', () => {
  it.each([0, 1, 2, 7, 12, 13, 49, 50, 51, 200, 1000])('sorts %d random keys, with and without duplicates', (n) => {
    for (const range of [n * 10 + 1, 3]) {
      const keys = Array.from({ length: n }, () => rand(range));
      expect(sorted(keys)).toEqual([...keys].sort((x, y) => x - y));
    }
  });

  it.each([
    ['ascending', (i: number) => i],
    ['descending', (i: number) => -i],
    ['organ pipe', (i: number) => Math.min(i, 500 - i)],
    ['sawtooth', (i: number) => i % 17],
  ])('sorts %s input', (_name, f) => {
    const keys = Array.from({ length: 500 }, (_, i) => f(i));
    expect(sorted(keys)).toEqual([...keys].sort((x, y) => x - y));
  });
});
