// Kubernetes resource quantities ("2", "500m", "4015772Ki", "1e3"): parsed exactly (in
// thousandths, as BigInt) and printed in apimachinery's canonical form, so a node's capacity and
// allocatable read as a kubelet would report them.

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The amount in thousandths of a unit (1 cpu = 1000n, 1 byte = 1000n). */
  milli: bigint;
  format: QuantityFormat;
}

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL: Record<string, number> = { m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));

/** Parses a quantity; undefined when the text is not one. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const number = m[1]!;
  const suffix = m[2] ?? '';
  const negative = number.startsWith('-');
  const [whole = '', fraction = ''] = number.replace(/^[+-]/, '').split('.');
  const digits = BigInt(`${whole}${fraction}` || '0');
  const scale = 10n ** BigInt(fraction.length);
  let numerator = digits * 1000n;
  let denominator = scale;
  let format: QuantityFormat = 'DecimalSI';
  const binary = BINARY.indexOf(suffix);
  if (suffix !== '' && binary > 0) {
    format = 'BinarySI';
    numerator *= 1024n ** BigInt(binary);
  } else {
    const exp = suffix in DECIMAL ? DECIMAL[suffix]! : Number(suffix.slice(1));
    if (!(suffix in DECIMAL)) format = 'DecimalExponent';
    if (exp >= 0) numerator *= 10n ** BigInt(exp);
    else denominator *= 10n ** BigInt(-exp);
  }
  const milli = (numerator + denominator - 1n) / denominator;
  return { milli: negative ? -milli : milli, format };
}

export function isQuantity(text: string): boolean {
  return parseQuantity(text) !== undefined;
}

/** The canonical text of a quantity, as apimachinery's Quantity.String() prints it. */
export function formatQuantity(q: Quantity): string {
  const sign = q.milli < 0n ? '-' : '';
  const abs = q.milli < 0n ? -q.milli : q.milli;
  if (q.format === 'BinarySI' && abs >= 1024n * 1000n && abs % 1000n === 0n) {
    return sign + formatBinary(abs / 1000n);
  }
  return sign + formatDecimal(abs, q.format === 'DecimalExponent');
}

function formatBinary(value: bigint): string {
  let n = value;
  let i = 0;
  while (i < BINARY.length - 1 && n % 1024n === 0n) {
    n /= 1024n;
    i++;
  }
  return `${n}${BINARY[i]}`;
}

function formatDecimal(milli: bigint, exponentForm: boolean): string {
  if (milli === 0n) return '0';
  let n = milli;
  let exp = -3;
  while (n % 1000n === 0n && exp < 18) {
    n /= 1000n;
    exp += 3;
  }
  if (exponentForm) return exp === 0 ? `${n}` : `${n}e${exp}`;
  return `${n}${DECIMAL_BY_EXP.get(exp) ?? ''}`;
}

/** `a - b`, printed in a's format (as kubelet computes allocatable from capacity). */
export function subtractQuantity(a: Quantity, bMilli: bigint): Quantity {
  return { milli: a.milli - bMilli, format: a.format };
}
