// resource.Quantity: parsing, comparison and the canonical text the apiserver serialises
// ("1024Mi" is stored and returned as "1Gi", "0.5" as "500m"). Values are kept as an exact
// count of nano-units in a BigInt.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value × 10^9, rounded away from zero to a whole nano-unit as upstream does. */
  nano: bigint;
  format: QuantityFormat;
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const NANO = 1_000_000_000n;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Divides, rounding away from zero (inf.RoundUp). */
function divUp(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : q + (a < 0n ? -1n : 1n);
}

function suffixOf(suffix: string): { base: 2 | 10; exp: number; format: QuantityFormat } | undefined {
  if (suffix in DEC_SUFFIX) return { base: 10, exp: DEC_SUFFIX[suffix]!, format: 'DecimalSI' };
  if (suffix in BIN_SUFFIX) return { base: 2, exp: BIN_SUFFIX[suffix]!, format: 'BinarySI' };
  const m = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  return m ? { base: 10, exp: Number(m[1]), format: 'DecimalExponent' } : undefined;
}

/** resource.ParseQuantity; undefined when the text is not a quantity. */
export function parseQuantity(text: string): Quantity | undefined {
  const s = text.trim();
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(s);
  if (!s || !m || (!m[2] && m[3] === undefined)) return undefined;
  const suffix = suffixOf(m[4]!);
  if (!suffix) return undefined;
  const denom = m[3] ?? '';
  let digits = BigInt(`${m[2] || '0'}${denom}`);
  if (m[1] === '-') digits = -digits;
  let nano: bigint;
  if (suffix.base === 2) nano = divUp(digits * 2n ** BigInt(suffix.exp) * NANO, pow10(denom.length));
  else {
    const shift = suffix.exp - denom.length + 9;
    nano = shift >= 0 ? digits * pow10(shift) : divUp(digits, pow10(-shift));
  }
  let format = suffix.format;
  const abs = nano < 0n ? -nano : nano;
  if (format === 'BinarySI' && abs > 0n && abs < NANO) format = 'DecimalSI';
  return { nano, format };
}

/** Parses or throws the upstream decoding error. */
export function mustParseQuantity(text: string): Quantity {
  const q = parseQuantity(text);
  if (!q) throw new Error(QUANTITY_FORMAT_ERROR);
  return q;
}

function decimalCanonical(nano: bigint, format: QuantityFormat): string {
  let mantissa = nano;
  let exp = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  if (r !== 0) {
    mantissa *= pow10(r);
    exp -= r;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  const suffix = Object.keys(DEC_SUFFIX).find((k) => DEC_SUFFIX[k] === exp);
  return suffix === undefined ? `${mantissa}e${exp}` : `${mantissa}${suffix}`;
}

function binaryCanonical(value: bigint): string {
  let mantissa = value;
  let exp = 0;
  while (exp < 6 && mantissa % 1024n === 0n) {
    mantissa /= 1024n;
    exp++;
  }
  return `${mantissa}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][exp]}`;
}

/** Quantity.String(): the canonical text. */
export function quantityString(q: Quantity): string {
  if (q.nano === 0n) return '0';
  if (q.format === 'BinarySI') {
    const abs = q.nano < 0n ? -q.nano : q.nano;
    if (abs >= 1024n * NANO && q.nano % NANO === 0n) return binaryCanonical(q.nano / NANO);
    return decimalCanonical(q.nano, 'DecimalSI');
  }
  return decimalCanonical(q.nano, q.format);
}

/** The canonical text of a quantity given as text (unparseable text is returned unchanged). */
export function canonicalQuantity(text: string): string {
  const q = parseQuantity(text);
  return q ? quantityString(q) : text;
}

/** Quantity.RoundUp(Milli) as SetDefaults_ResourceList applies it. */
export function roundUpMilli(q: Quantity): Quantity {
  return { nano: divUp(q.nano, 1_000_000n) * 1_000_000n, format: q.format };
}

export const compareQuantity = (a: Quantity, b: Quantity): number => (a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0);

/** Quantity.Value(): rounded up to a whole unit. */
export const quantityValue = (q: Quantity): bigint => divUp(q.nano, NANO);

/** Quantity.MilliValue(). */
export const quantityMilliValue = (q: Quantity): bigint => divUp(q.nano, 1_000_000n);

/** Reads a quantity from JSON (string or number), or undefined. */
export function quantityOf(v: unknown): Quantity | undefined {
  if (typeof v === 'number') return parseQuantity(String(v));
  return typeof v === 'string' ? parseQuantity(v) : undefined;
}
