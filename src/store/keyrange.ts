// etcd's key-range conventions, independent of any backend.
import type { KeyRange } from './types.js';

const ZERO = Buffer.from([0]);

export type RangeKind =
  | { kind: 'one'; key: Buffer }
  | { kind: 'from'; key: Buffer }
  | { kind: 'between'; key: Buffer; end: Buffer };

/** rangeEnd absent/empty: one key; "\0": every key >= key; otherwise [key, rangeEnd). */
export function classify(r: KeyRange): RangeKind {
  const end = r.rangeEnd;
  if (!end || end.length === 0) return { kind: 'one', key: r.key };
  if (end.equals(ZERO)) return { kind: 'from', key: r.key };
  return { kind: 'between', key: r.key, end };
}

export function inRange(r: RangeKind, key: Buffer): boolean {
  switch (r.kind) {
    case 'one':
      return key.equals(r.key);
    case 'from':
      return Buffer.compare(key, r.key) >= 0;
    case 'between':
      return Buffer.compare(key, r.key) >= 0 && Buffer.compare(key, r.end) < 0;
  }
}

/** The range end etcd uses for a prefix: the prefix with its last byte below 0xff bumped. */
export function prefixEnd(prefix: Buffer): Buffer {
  const end = Buffer.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i] = end[i]! + 1;
      return end.subarray(0, i + 1);
    }
  }
  return ZERO; // no upper bound: every key from the prefix on
}

/** Do two ranges share any key? Used for etcd's duplicate-key rule in transactions. */
export function overlaps(a: RangeKind, b: RangeKind): boolean {
  const lo = (r: RangeKind): Buffer => r.key;
  const hiExclusive = (r: RangeKind): Buffer | undefined =>
    r.kind === 'one' ? Buffer.concat([r.key, ZERO]) : r.kind === 'between' ? r.end : undefined;
  const aHi = hiExclusive(a);
  const bHi = hiExclusive(b);
  const aBeforeB = aHi !== undefined && Buffer.compare(aHi, lo(b)) <= 0;
  const bBeforeA = bHi !== undefined && Buffer.compare(bHi, lo(a)) <= 0;
  return !aBeforeB && !bBeforeA;
}
