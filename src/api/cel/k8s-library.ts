// The Kubernetes CEL libraries (k8s.io/apiserver/pkg/cel/library) that cel-js does not have:
// lists (isSorted, sum, min, max, indexOf, lastIndexOf), regex (find, findAll), the strings
// extension's replace and charAt, and quantity (quantity(), isQuantity(), comparisons, arithmetic,
// conversions), with their error texts.
import type { Environment } from '@marcbachmann/cel-js';
import { compareQuantity, parseQuantity, quantityString, type Quantity } from '../validation/quantity.js';

const NANO = 1_000_000_000n;

/** A resource.Quantity as a CEL value. */
export class QuantityValue {
  constructor(readonly q: Quantity) {}
  toString(): string {
    return quantityString(this.q);
  }
}

type Scalar = bigint | number | string | boolean;
const less = (a: Scalar, b: Scalar): boolean => a < b;

function extreme(name: 'min' | 'max', l: Scalar[]): Scalar {
  if (l.length === 0) throw new Error(`${name} called on empty list`);
  return l.reduce((acc, x) => ((name === 'min' ? less(x, acc) : less(acc, x)) ? x : acc));
}

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) === JSON.stringify(b, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

function quantity(text: string): QuantityValue {
  const q = parseQuantity(text);
  if (!q) throw new Error('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  return new QuantityValue(q);
}

const plus = (a: QuantityValue, nano: bigint): QuantityValue => new QuantityValue({ nano: a.q.nano + nano, format: a.q.format });

export function registerKubernetesLibrary(env: Environment): void {
  env
    .registerFunction('list.isSorted(): bool', (l: Scalar[]) => l.every((x, i) => i === 0 || !less(x, l[i - 1]!)))
    .registerFunction('list.sum(): dyn', (l: Scalar[]) => (l.length === 0 ? 0n : l.reduce((a, b) => (a as bigint) + (b as bigint))))
    .registerFunction('list.min(): dyn', (l: Scalar[]) => extreme('min', l))
    .registerFunction('list.max(): dyn', (l: Scalar[]) => extreme('max', l))
    .registerFunction('list.indexOf(dyn): int', (l: unknown[], x: unknown) => BigInt(l.findIndex((y) => sameValue(x, y))))
    .registerFunction('list.lastIndexOf(dyn): int', (l: unknown[], x: unknown) => {
      for (let i = l.length - 1; i >= 0; i--) if (sameValue(x, l[i])) return BigInt(i);
      return -1n;
    })
    .registerFunction('string.find(string): string', (s: string, re: string) => new RegExp(re, 'u').exec(s)?.[0] ?? '')
    .registerFunction('string.findAll(string): list<string>', (s: string, re: string) => [...s.matchAll(new RegExp(re, 'gu'))].map((m) => m[0]))
    .registerFunction('string.findAll(string, int): list<string>', (s: string, re: string, n: bigint) => {
      const all = [...s.matchAll(new RegExp(re, 'gu'))].map((m) => m[0]);
      return n < 0n ? all : all.slice(0, Number(n));
    })
    .registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) => s.split(a).join(b))
    .registerFunction('string.replace(string, string, int): string', (s: string, a: string, b: string, n: bigint) => {
      if (n < 0n) return s.split(a).join(b);
      let out = s;
      let from = 0;
      for (let i = 0n; i < n; i++) {
        const at = out.indexOf(a, from);
        if (at < 0) break;
        out = out.slice(0, at) + b + out.slice(at + a.length);
        from = at + b.length;
      }
      return out;
    })
    .registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
      const chars = [...s];
      if (i < 0n || i > BigInt(chars.length)) throw new Error(`index out of range: ${i}`);
      return chars[Number(i)] ?? '';
    })
    .registerType('Quantity', QuantityValue)
    .registerFunction('quantity(string): Quantity', quantity)
    .registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined)
    .registerFunction('Quantity.isInteger(): bool', (a: QuantityValue) => a.q.nano % NANO === 0n)
    .registerFunction('Quantity.asInteger(): int', (a: QuantityValue) => {
      if (a.q.nano % NANO !== 0n) throw new Error('cannot convert value to integer');
      return a.q.nano / NANO;
    })
    .registerFunction('Quantity.asApproximateFloat(): double', (a: QuantityValue) => Number(a.q.nano) / 1e9)
    .registerFunction('Quantity.sign(): int', (a: QuantityValue) => BigInt(compareQuantity(a.q, { nano: 0n, format: a.q.format })))
    .registerFunction('Quantity.isGreaterThan(Quantity): bool', (a: QuantityValue, b: QuantityValue) => compareQuantity(a.q, b.q) > 0)
    .registerFunction('Quantity.isLessThan(Quantity): bool', (a: QuantityValue, b: QuantityValue) => compareQuantity(a.q, b.q) < 0)
    .registerFunction('Quantity.compareTo(Quantity): int', (a: QuantityValue, b: QuantityValue) => BigInt(compareQuantity(a.q, b.q)))
    .registerFunction('Quantity.add(Quantity): Quantity', (a: QuantityValue, b: QuantityValue) => plus(a, b.q.nano))
    .registerFunction('Quantity.add(int): Quantity', (a: QuantityValue, n: bigint) => plus(a, n * NANO))
    .registerFunction('Quantity.sub(Quantity): Quantity', (a: QuantityValue, b: QuantityValue) => plus(a, -b.q.nano))
    .registerFunction('Quantity.sub(int): Quantity', (a: QuantityValue, n: bigint) => plus(a, -n * NANO));
}
