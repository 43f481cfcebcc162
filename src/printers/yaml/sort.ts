// go-yaml v2's order of string map keys (sorter.go keyList.Less), which is not byte order:
// at the first differing rune, two letters compare by code point, a letter sorts after a
// non-letter, and runs of digits compare by numeric value (a9 < a10), shorter run first on ties.
import { codePoints } from './chars.js';

const isLetter = (cp: number): boolean => /\p{L}/u.test(String.fromCodePoint(cp));
const isDigit = (cp: number): boolean => /\p{Nd}/u.test(String.fromCodePoint(cp));

/** The int64 value of the digit run at i (Go's arithmetic wraps; so does this). */
function digitRun(r: readonly number[], i: number, start: bigint): [bigint, number] {
  let n = start;
  let k = i;
  for (; k < r.length && isDigit(r[k] ?? 0); k++) n = BigInt.asIntN(64, n * 10n + BigInt((r[k] ?? 0) - 48));
  return [n, k];
}

function lessAt(a: readonly number[], b: readonly number[], i: number): boolean {
  const x = a[i] ?? 0;
  const y = b[i] ?? 0;
  const al = isLetter(x);
  const bl = isLetter(y);
  if (al && bl) return x < y;
  if (al || bl) return bl;
  let start = 0n;
  if (x === 48 || y === 48) {
    for (let j = i - 1; j >= 0 && isDigit(a[j] ?? 0); j--) {
      if (a[j] !== 48) {
        start = 1n;
        break;
      }
    }
  }
  const [an, ai] = digitRun(a, i, start);
  const [bn, bi] = digitRun(b, i, start);
  if (an !== bn) return an < bn;
  if (ai !== bi) return ai < bi;
  return x < y;
}

function goYamlKeyLess(a: string, b: string): boolean {
  const ar = codePoints(a);
  const br = codePoints(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] !== br[i]) return lessAt(ar, br, i);
  }
  return ar.length < br.length;
}

export function compareGoYamlKeys(a: string, b: string): number {
  if (goYamlKeyLess(a, b)) return -1;
  return goYamlKeyLess(b, a) ? 1 : 0;
}
