// resource.Quantity's String(): the canonical form of a quantity (`1Gi`, `500m`, `1k`, `1536Mi`),
// as the printers show capacities, quota usage and metric values. Parsing follows
// apimachinery's ParseQuantity, canonical output its CanonicalizeBytes (read, not copied).

type Format = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

interface Parsed {
  negative: boolean;
  num: string;
  denom: string;
  base: 2 | 10;
  exponent: number;
  format: Format;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT64_MAX = 2n ** 63n - 1n;
const SHAPE = /^([+-]?)0*(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/;

function suffixOf(suffix: string): Pick<Parsed, 'base' | 'exponent' | 'format'> | null {
  if (suffix in DECIMAL) return { base: 10, exponent: DECIMAL[suffix]!, format: 'DecimalSI' };
  if (suffix in BINARY) return { base: 2, exponent: BINARY[suffix]!, format: 'BinarySI' };
  if (/^[eE][-+]?\d+$/.test(suffix)) return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  return null;
}

function parse(text: string): Parsed | null {
  const m = SHAPE.exec(text);
  if (m === null || text === '') return null;
  const suffix = suffixOf(m[4] ?? '');
  if (suffix === null) return null;
  return { negative: m[1] === '-', num: m[2] || '0', denom: m[3] ?? '', ...suffix };
}

/** Go's "reuse the string if it is already canonical" fast path of ParseQuantity (int64 only). */
function keepsText(p: Parsed): boolean {
  const shifted = p.num + p.denom;
  if (p.format === 'BinarySI') {
    const precision = 15 - p.num.length - Math.trunc((p.exponent * 3) / 10) - 1;
    if (p.denom !== '' || precision < 0 || p.exponent % 10 !== 0) return false;
    const value = BigInt(shifted);
    return (value & 7n) !== 0n && value << BigInt(p.exponent) <= INT64_MAX;
  }
  const scale = p.exponent - p.denom.length;
  if (shifted.length > 18 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** The magnitude as unscaled × 10^-scale, rounded up to nano units as ParseQuantity does. */
function magnitude(p: Parsed): { unscaled: bigint; scale: number } {
  let unscaled = BigInt(p.num + p.denom);
  let scale = p.denom.length;
  if (p.base === 2) unscaled <<= BigInt(p.exponent);
  else scale -= p.exponent;
  if (scale > 9) {
    const div = 10n ** BigInt(scale - 9);
    unscaled = (unscaled + div - 1n) / div;
    scale = 9;
  }
  if (scale < 0) {
    unscaled *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { unscaled, scale };
}

function decimalText(unscaled: bigint, scale: number, format: Format): string {
  let amount = unscaled;
  let exponent = -scale;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent += 1;
  }
  const r = ((exponent % 3) + 3) % 3;
  amount *= r === 1 ? 10n : r === 2 ? 100n : 1n;
  exponent -= r;
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = Object.keys(DECIMAL).find((s) => DECIMAL[s] === exponent) ?? '';
  return `${amount}${suffix}`;
}

/** A whole number of bytes (or units) in the largest binary suffix that divides it: 1536 → 1536, 2048 → 2Ki. */
export function binaryText(whole: bigint): string {
  let amount = whole;
  let power = 0;
  while (power < 6 && amount % 1024n === 0n) {
    amount /= 1024n;
    power += 1;
  }
  return `${amount}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power]}`;
}

function canonical(p: Parsed): string {
  const { unscaled, scale } = magnitude(p);
  if (unscaled === 0n) return '0';
  const sign = p.negative ? '-' : '';
  const unit = 10n ** BigInt(scale);
  let format = p.format;
  if (format === 'BinarySI' && (unscaled < 1024n * unit || unscaled % unit !== 0n)) format = 'DecimalSI';
  if (format === 'BinarySI') return sign + binaryText(unscaled / unit);
  return sign + decimalText(unscaled, scale, format);
}

/**
 * Quantity.String() of a quantity field: canonical text; "0" for a missing one (Go's zero
 * Quantity); text that does not parse is returned unchanged.
 */
export function quantity(value: unknown): string {
  if (value === undefined || value === null) return '0';
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (text === '0') return '0';
  const p = parse(text);
  if (p === null) return text;
  return keepsText(p) ? text : canonical(p);
}

/** A *Quantity field: "<nil>" when absent, as Go prints a nil pointer's String(). */
export function quantityPtr(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : quantity(value);
}
