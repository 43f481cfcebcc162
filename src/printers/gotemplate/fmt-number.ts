// fmt's number verbs on float64 and integers: %e %f %g with precision, %d %x %o %b %c %q %U.
import { formatFloatG, goQuote } from '../jsonpath/index.js';

/** strconv's exponent: at least two digits, always signed. */
function fixExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Round-half-even where JS rounds an exact tie up (0.5 → "0", 2.5 → "2"). */
function toFixedEven(x: number, prec: number): string {
  const s = Math.abs(x) >= 1e21 ? BigInt(Math.round(x)).toString() + (prec > 0 ? `.${'0'.repeat(prec)}` : '') : x.toFixed(prec);
  const scaled = x * 10 ** prec;
  if (Number.isFinite(scaled) && Math.abs(scaled) < 2 ** 52 && Math.abs(scaled % 1) === 0.5 && Math.trunc(scaled) % 2 === 0) {
    return (Math.trunc(scaled) / 10 ** prec).toFixed(prec);
  }
  return s;
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  return undefined;
}

/** strconv.FormatFloat(x, 'g', prec, 64); prec -1 is shortest. */
function formatG(x: number, prec: number, upper: boolean): string {
  if (prec < 0) return upper ? formatFloatG(x).toUpperCase() : formatFloatG(x);
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return '0';
  const exp = Number(x.toExponential(p - 1).split('e')[1]);
  let out: string;
  if (exp < -4 || exp >= p) {
    const [m, e] = x.toExponential(p - 1).split('e') as [string, string];
    out = fixExponent(`${m.includes('.') ? m.replace(/\.?0+$/, '') : m}e${e}`);
  } else {
    out = x.toFixed(Math.max(0, p - 1 - exp));
    if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  }
  return upper ? out.toUpperCase() : out;
}

/** strconv 'x' with the shortest precision: -0x1.8p+01. */
function hexFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0x0p+00' : '0x0p+00';
  const sign = x < 0 ? '-' : '';
  let m = Math.abs(x);
  let e = 0;
  while (m >= 2) [m, e] = [m / 2, e + 1];
  while (m < 1) [m, e] = [m * 2, e - 1];
  const frac = (m - 1).toString(16).slice(2).replace(/0+$/, '');
  const exp = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${sign}0x1${frac ? `.${frac}` : ''}p${exp}`;
}

/** A float64 under %e %E %f %F %g %G %v (prec -1: the verb's default). */
export function formatFloat(x: number, verb: string, prec: number): string {
  const bad = nonFinite(x);
  if (bad !== undefined) return bad;
  switch (verb) {
    case 'e':
    case 'E': {
      const s = fixExponent(x.toExponential(prec < 0 ? 6 : prec));
      return verb === 'E' ? s.toUpperCase() : s;
    }
    case 'f':
    case 'F':
      return toFixedEven(x, prec < 0 ? 6 : prec);
    case 'g':
    case 'G':
      return formatG(x, prec, verb === 'G');
    case 'x':
    case 'X':
      return verb === 'X' ? hexFloat(x).toUpperCase() : hexFloat(x);
    default:
      return formatG(x, -1, false);
  }
}

/** An integer under %d %b %o %O %x %X %c %q %U (undefined: a bad verb). */
export function formatInt(n: number, verb: string, sharp: boolean): string | undefined {
  const big = BigInt(Math.trunc(n));
  const abs = big < 0n ? -big : big;
  const sign = big < 0n ? '-' : '';
  switch (verb) {
    case 'v':
    case 'd':
      return big.toString();
    case 'b':
      return sign + abs.toString(2);
    case 'o':
      return sign + (sharp ? '0' : '') + abs.toString(8);
    case 'O':
      return `${sign}0o${abs.toString(8)}`;
    case 'x':
      return sign + (sharp ? '0x' : '') + abs.toString(16);
    case 'X':
      return sign + (sharp ? '0X' : '') + abs.toString(16).toUpperCase();
    case 'c':
      return String.fromCodePoint(validRune(n));
    case 'q':
      return quoteRune(validRune(n));
    case 'U':
      return `U+${abs.toString(16).toUpperCase().padStart(4, '0')}`;
    default:
      return undefined;
  }
}

const validRune = (n: number): number => (n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n);

/** strconv.QuoteRune. */
function quoteRune(r: number): string {
  const ch = String.fromCodePoint(r);
  if (ch === "'") return "'\\''";
  if (ch === '"') return `'"'`;
  return `'${goQuote(ch).slice(1, -1)}'`;
}
