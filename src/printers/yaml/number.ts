// How a number reaches kubectl's YAML: encoding/json writes the float64 (shortest digits, 'e'
// form below 1e-6 and from 1e21 on — the same text as JavaScript's String(n)); go-yaml reads that
// text back as an int when strconv.ParseInt/ParseUint accept it, else as a float64 that it writes
// with strconv.FormatFloat(f, 'g', -1, 64), whose exponent form starts at exp < -4 or exp >= 6
// (1234567.5 → 1.2345675e+06, 0.00001 → 1e-05, 1e20 → 1e+20 as it overflows uint64).
import { isGoInteger } from './resolve.js';

/** strconv.FormatFloat(f, 'g', -1, 64). */
function goFormatG(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant = '', expText = '0'] = f.toExponential().split('e');
  const sign = mant.startsWith('-') ? '-' : '';
  const digits = mant.replace('-', '').replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp);
    return `${sign}${digits[0] ?? ''}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  const point = exp + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The plain scalar kubectl prints for a JSON number. */
export function yamlNumberText(n: number | bigint): string {
  const json = typeof n === 'bigint' ? n.toString() : Number.isFinite(n) ? String(n) : '';
  if (json !== '' && isGoInteger(json)) return json;
  return goFormatG(Number(n));
}
