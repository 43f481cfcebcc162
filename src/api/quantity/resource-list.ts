// corev1.ResourceList arithmetic as apimachinery's Quantity and the quota helpers do it
// (k8s.io/apiserver/pkg/quota/v1): sums keep the left operand's format unless it is zero,
// masks, comparisons and the `a=1,b=2` text quota errors print. Parsing and the canonical text
// come from ../validation/quantity.ts.
import type { Quantity } from '../validation/quantity.js';
import { compareQuantity, quantityOf, quantityString } from '../validation/quantity.js';

/** Resource name → quantity; insertion order carries no meaning (printing sorts). */
export type ResourceList = Map<string, Quantity>;

const NANO = 1_000_000_000n;

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

/** resource.NewQuantity(n, DecimalSI). */
export const countOf = (n: number | bigint): Quantity => ({ nano: BigInt(n) * NANO, format: 'DecimalSI' });

/** Quantity.Add: the sum takes the right operand's format when the left one is zero. */
export const addQuantity = (a: Quantity, b: Quantity): Quantity => ({ nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format });

/** Quantity.Sub, with the same format rule as Add. */
export const subQuantity = (a: Quantity, b: Quantity): Quantity => ({ nano: a.nano - b.nano, format: a.nano === 0n ? b.format : a.format });

/** Quantity.RoundUp(0): whole units, rounding away from zero. */
export function roundUpWhole(q: Quantity): Quantity {
  const r = q.nano % NANO;
  if (r === 0n) return q;
  return { nano: q.nano - r + (q.nano > 0n ? NANO : 0n), format: q.format };
}

/** Reads a ResourceList from JSON; entries that are not quantities are skipped. */
export function readResourceList(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, raw] of Object.entries(v as Record<string, unknown>)) {
    const q = quantityOf(raw);
    if (q) out.set(k, q);
  }
  return out;
}

/** The JSON form, keys sorted as Go's encoder writes a map. */
export function writeResourceList(l: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...l.keys()].sort()) out[k] = quantityString(l.get(k)!);
  return out;
}

/** quota.Add: a new list with every key of a and b. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of a) {
    const other = b.get(k);
    out.set(k, other ? addQuantity(v, other) : v);
  }
  for (const [k, v] of b) if (!out.has(k)) out.set(k, v);
  return out;
}

/** addResourceList: adds other into list in place. */
export function addInto(list: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) {
    const cur = list.get(k);
    list.set(k, cur ? addQuantity(cur, v) : v);
  }
}

/** maxResourceList: list keeps the greater of its value and other's, in place. */
export function maxInto(list: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) {
    const cur = list.get(k);
    if (!cur || compareQuantity(v, cur) > 0) list.set(k, v);
  }
}

/** quota.Mask: only the named resources. */
export function maskList(l: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = new Map();
  for (const n of names) {
    const v = l.get(n);
    if (v) out.set(n, v);
  }
  return out;
}

/** quota.LessThanOrEqual: the names (of b) whose value in a exceeds b's; empty when a ≤ b. */
export function exceededNames(a: ResourceList, b: ResourceList): string[] {
  const out: string[] = [];
  for (const [k, limit] of b) {
    const v = a.get(k);
    if (v && compareQuantity(v, limit) > 0) out.push(k);
  }
  return out;
}

/** quota.SubtractWithNonNegativeResult: a − b, clamped at zero, over the keys of both. */
export function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of a) {
    const other = b.get(k);
    const d = other ? subQuantity(v, other) : v;
    out.set(k, d.nano > 0n ? d : ZERO);
  }
  for (const k of b.keys()) if (!out.has(k)) out.set(k, ZERO);
  return out;
}

/** quota.IsZero. */
export const isZeroList = (l: ResourceList): boolean => [...l.values()].every((q) => q.nano === 0n);

/** quota.IsNegative: the names with a negative value. */
export const negativeNames = (l: ResourceList): string[] => [...l].filter(([, q]) => q.nano < 0n).map(([k]) => k);

/** quota.Equals: same keys, equal values. */
export function listsEqual(a: ResourceList, b: ResourceList): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const other = b.get(k);
    if (!other || compareQuantity(v, other) !== 0) return false;
  }
  return true;
}

/** prettyPrint of the quota admission: `a=1,b=2Gi`, names sorted. */
export const prettyPrint = (l: ResourceList): string =>
  [...l.keys()].sort().map((k) => `${k}=${quantityString(l.get(k)!)}`).join(',');
