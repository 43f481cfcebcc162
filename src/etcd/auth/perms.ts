// Key permissions as etcd 3.4 checks them: each user's roles merge into a read set and a write set
// of intervals; a single-key request must hit one interval, a range request must be covered by a
// contiguous run of them. Bytes compare "affinely": an empty end is +infinity (no upper bound).

export const READ = 0;
export const WRITE = 1;
export const READWRITE = 2;
export type PermType = typeof READ | typeof WRITE | typeof READWRITE;

export interface Permission {
  permType: PermType;
  key: Buffer;
  /** Empty: the single key; "\0": every key from key on; otherwise [key, rangeEnd). */
  rangeEnd: Buffer;
}

export interface Interval {
  begin: Buffer;
  /** Exclusive; empty means no upper bound. */
  end: Buffer;
}

export interface MergedPerms {
  read: Interval[];
  write: Interval[];
}

const EMPTY = Buffer.alloc(0);
const isZero = (b: Buffer): boolean => b.length === 1 && b[0] === 0;

/** Byte order with the empty value above everything. */
export function affineCompare(a: Buffer, b: Buffer): number {
  if (a.length === 0) return b.length === 0 ? 0 : 1;
  if (b.length === 0) return -1;
  return Buffer.compare(a, b);
}

/** -1: a lies left of b; 1: a lies right of b; 0: they overlap. */
export function intervalCompare(a: Interval, b: Interval): number {
  if (affineCompare(a.begin, b.begin) < 0 && affineCompare(a.end, b.begin) <= 0) return -1;
  if (affineCompare(a.begin, b.end) >= 0) return 1;
  return 0;
}

export const pointInterval = (key: Buffer): Interval => ({ begin: key, end: Buffer.concat([key, Buffer.from([0])]) });

export function permInterval(p: Permission): Interval {
  if (p.rangeEnd.length === 0) return pointInterval(p.key);
  return { begin: p.key, end: isZero(p.rangeEnd) ? EMPTY : p.rangeEnd };
}

/** The read and write sets of a user holding these permissions (roles in order, then their permissions). */
export function mergePerms(perms: Permission[]): MergedPerms {
  const merged: MergedPerms = { read: [], write: [] };
  for (const p of perms) {
    const ivl = permInterval(p);
    if (p.permType === READ || p.permType === READWRITE) merged.read.push(ivl);
    if (p.permType === WRITE || p.permType === READWRITE) merged.write.push(ivl);
  }
  return merged;
}

/** Do the intervals cover all of q without a gap? */
export function covers(set: Interval[], q: Interval): boolean {
  const hits = set.filter((ivl) => intervalCompare(q, ivl) === 0).sort((a, b) => affineCompare(a.begin, b.begin));
  const first = hits[0];
  if (!first) return false;
  let maxEnd = first.end;
  for (const h of hits.slice(1)) {
    if (affineCompare(maxEnd, h.begin) < 0) return false;
    if (affineCompare(h.end, maxEnd) > 0) maxEnd = h.end;
  }
  return affineCompare(maxEnd, q.end) >= 0 && affineCompare(first.begin, q.begin) <= 0;
}

/** May a user with these merged permissions do `type` on [key, rangeEnd) (rangeEnd empty: the key)? */
export function rangePermitted(merged: MergedPerms, key: Buffer, rangeEnd: Buffer, type: typeof READ | typeof WRITE): boolean {
  const set = type === READ ? merged.read : merged.write;
  if (rangeEnd.length === 0) {
    const q = pointInterval(key);
    return set.some((ivl) => intervalCompare(q, ivl) === 0);
  }
  return covers(set, { begin: key, end: isZero(rangeEnd) ? EMPTY : rangeEnd });
}
