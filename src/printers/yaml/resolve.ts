// go-yaml v2's implicit typing of a plain scalar (resolve.go): a string may be written plain only
// when reading it back plain gives a string again (and it is no YAML 1.1 base-60 float).
import { isYamlTimestamp } from './timestamp.js';

const RESERVED = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds (underscores already removed). */
export function isGoInteger(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2] ?? '';
  const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
  const v = BigInt(digits);
  const signed = m[1] === '-' ? -v : v;
  if (signed >= INT64_MIN && signed <= INT64_MAX) return true;
  return m[1] === '' && v <= UINT64_MAX;
}

/** The YAML-style float that strconv.ParseFloat reads without overflowing. */
function isYamlFloat(s: string): boolean {
  return /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s));
}

/** strconv.ParseFloat on a text that starts with '.': only decimal forms can succeed there. */
function isDotFloat(s: string): boolean {
  return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s));
}

function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

function resolvesToNonString(s: string): boolean {
  const first = s[0] ?? '';
  const signOrDigit = /^[-+0-9]$/.test(first);
  if (s !== '' && !signOrDigit && !'yYnNtTfFoO~.'.includes(first)) return false;
  if (RESERVED.has(s)) return true;
  if (first === '.') return isDotFloat(s);
  if (!signOrDigit) return false;
  if (isYamlTimestamp(s)) return true;
  const plain = s.replaceAll('_', '');
  return isGoInteger(plain) || isYamlFloat(plain);
}

/** encode.go stringv: may this string be emitted as a plain scalar (before the emitter's own
 * checks for indicators and whitespace)? */
export function canBePlain(s: string): boolean {
  return !resolvesToNonString(s) && !isBase60Float(s);
}
