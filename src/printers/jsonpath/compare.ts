// The filter operators (client-go's fork of text/template funcs.go: Equal, Less, …) over basic
// kinds only: bool, int, uint, float, string. Ints compare with uints; any other mix is
// `incompatible types for comparison`, and anything not basic `invalid type for comparison`.

import { JsonPathExecError } from './errors.js';
import { compareGoStrings, kindOf, unwrap, type GoKind, type Val } from './values.js';

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

type Basic = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(val: Val, typed: boolean): Basic {
  const k: GoKind = kindOf(val, typed);
  if (k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string') return k;
  throw new JsonPathExecError(BAD_TYPE);
}

/** The pair's kind when both sides compare as one kind ('int' for int against uint). */
function commonKind(a: Val, b: Val, typed: boolean): Basic {
  const k1 = basicKind(a, typed);
  const k2 = basicKind(b, typed);
  if (k1 === k2) return k1;
  if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return 'int';
  throw new JsonPathExecError(INCOMPATIBLE);
}

export function goEqual(a: Val, b: Val, typed: boolean): boolean {
  commonKind(a, b, typed);
  return unwrap(a) === unwrap(b);
}

export function goLess(a: Val, b: Val, typed: boolean): boolean {
  const k = commonKind(a, b, typed);
  if (k === 'bool') throw new JsonPathExecError(BAD_TYPE);
  const x = unwrap(a);
  const y = unwrap(b);
  if (k === 'string') return compareGoStrings(x as string, y as string) < 0;
  return (x as number) < (y as number);
}

/** Applies a filter operator; unknown operators are upstream's error. */
export function compareOp(op: string, a: Val, b: Val, typed: boolean): boolean {
  switch (op) {
    case '<':
      return goLess(a, b, typed);
    case '>':
      return !(goLess(a, b, typed) || goEqual(a, b, typed));
    case '==':
      return goEqual(a, b, typed);
    case '!=':
      return !goEqual(a, b, typed);
    case '<=':
      return goLess(a, b, typed) || goEqual(a, b, typed);
    case '>=':
      return !goLess(a, b, typed);
    default:
      throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  }
}
