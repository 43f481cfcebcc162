// resource.Quantity arithmetic for describe's sums and percentages: values held exactly in nano
// units with their Format; String() of an untouched value is the columns printer's canonical
// text, of a computed one CanonicalizeBytes (DecimalSI suffixes, BinarySI powers of 1024).
import { binaryText, quantity as canonicalText } from '../columns/quantity.js';

export type Format = 'BinarySI' | 'DecimalSI' | 'DecimalExponent' | '';

const NANO = 1_000_000_000n;
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SHAPE = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*|[eE][-+]?\d+)$/;

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

function parseNanos(text: string): { nanos: bigint; format: Format } | null {
  const m = SHAPE.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const suffix = m[4] ?? '';
  const digits = BigInt(`${m[2] || '0'}${m[3] ?? ''}`);
  const fracLen = (m[3] ?? '').length;
  let num = digits;
  let den = 10n ** BigInt(fracLen);
  let format: Format;
  if (suffix in BINARY) {
    num <<= BigInt(BINARY[suffix]!);
    format = 'BinarySI';
  } else if (suffix in DECIMAL || /^[eE]/.test(suffix)) {
    const exp = suffix in DECIMAL ? DECIMAL[suffix]! : Number(suffix.slice(1));
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
    format = suffix in DECIMAL ? 'DecimalSI' : 'DecimalExponent';
  } else {
    return null;
  }
  const nanos = ceilDiv(num * NANO, den);
  return { nanos: m[1] === '-' ? -nanos : nanos, format };
}

function decimalCanonical(nanos: bigint, format: Format): string {
  let amount = nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent += 1;
  }
  const r = ((exponent % 3) + 3) % 3;
  if (r === 1) amount *= 10n;
  if (r === 2) amount *= 100n;
  exponent -= r;
  if (exponent === 0) return `${amount}`;
  const suffix = Object.keys(DECIMAL).find((s) => DECIMAL[s] === exponent);
  return format === 'DecimalSI' && suffix !== undefined ? `${amount}${suffix}` : `${amount}e${exponent}`;
}

export class Quantity {
  private constructor(
    readonly nanos: bigint,
    readonly format: Format,
    /** the server's text while the value is untouched */
    private readonly text?: string,
  ) {}

  static zero(format: Format = ''): Quantity {
    return new Quantity(0n, format);
  }

  /** resource.NewQuantity(value, format). */
  static of(value: bigint, format: Format): Quantity {
    return new Quantity(value * NANO, format);
  }

  /** A quantity field; a missing or unreadable one is Go's zero Quantity. */
  static parse(value: unknown): Quantity {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
    const p = parseNanos(text);
    return p === null ? Quantity.zero() : new Quantity(p.nanos, p.format, text);
  }

  /** q.Add(y): a zero q takes y's format. */
  add(y: Quantity): Quantity {
    return new Quantity(this.nanos + y.nanos, this.nanos === 0n ? y.format : this.format);
  }

  cmp(y: Quantity): number {
    return this.nanos < y.nanos ? -1 : this.nanos > y.nanos ? 1 : 0;
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** Value(): whole units, rounded up. */
  value(): bigint {
    return ceilDiv(this.nanos, NANO);
  }

  /** MilliValue(): thousandths, rounded up. */
  milliValue(): bigint {
    return ceilDiv(this.nanos, 1_000_000n);
  }

  toString(): string {
    if (this.text !== undefined) return canonicalText(this.text);
    if (this.nanos === 0n) return '0';
    let format: Format = this.format === '' ? 'DecimalExponent' : this.format;
    const abs = this.nanos < 0n ? -this.nanos : this.nanos;
    if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI';
    if (format === 'BinarySI') return (this.nanos < 0n ? '-' : '') + binaryText(abs / NANO);
    return decimalCanonical(this.nanos, format);
  }
}

export type ResourceList = Map<string, Quantity>;

/** A ResourceList field (map of quantities) in the server's key order. */
export function resourceList(value: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) out.set(k, Quantity.parse(v));
  return out;
}

/** Go's int64(float64(a) / float64(b) * 100): a percentage truncated toward zero. */
export function percent(part: bigint, whole: bigint): string {
  const r = (Number(part) / Number(whole)) * 100;
  // amd64 turns NaN and ±Inf into the smallest int64
  return Number.isFinite(r) ? String(Math.trunc(r)) : '-9223372036854775808';
}
