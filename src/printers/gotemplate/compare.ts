// The comparison builtins eq, ne, lt, le, gt, ge with Go's rules: integers compare across
// signedness, otherwise both sides must have the same basic kind; nil compares only with nil.
import { sprint } from './fmt.js';
import { concrete, kindOf, numValue, strValue, typeName } from './values.js';

export class GoFuncError extends Error {}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

type Basic = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basic(v: unknown): Basic {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

const isValid = (v: unknown): boolean => kindOf(v) !== 'invalid';
const isNilLike = (v: unknown): boolean => !isValid(v);

function eqOne(a: unknown, b: unknown): boolean {
  const ka = basic(a);
  const kb = basic(b);
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return numValue(a) === numValue(b);
    if (isValid(a) && isValid(b)) throw new GoFuncError(INCOMPATIBLE);
    return false;
  }
  switch (ka) {
    case 'bool':
      return a === b;
    case 'int':
    case 'uint':
    case 'float':
      return numValue(a) === numValue(b);
    case 'string':
      return strValue(a) === strValue(b);
    default:
      return eqComposite(a, b);
  }
}

function eqComposite(a: unknown, b: unknown): boolean {
  if (isValid(a) && isValid(b) && kindOf(a) !== kindOf(b)) {
    throw new GoFuncError(`non-comparable types ${sprint([a])}: ${typeName(a)}, ${typeName(b)}: ${sprint([b])}`);
  }
  if (isNilLike(a) || isNilLike(b)) return isNilLike(a) === isNilLike(b);
  throw new GoFuncError(`non-comparable type ${sprint([b])}: ${typeName(b)}`);
}

export function eq(args: unknown[]): boolean {
  const a = concrete(args[0]);
  if (args.length < 2) throw new GoFuncError('missing argument for comparison');
  return args.slice(1).some((b) => eqOne(a, concrete(b)));
}

export function lt(args: unknown[]): boolean {
  const a = concrete(args[0]);
  const b = concrete(args[1]);
  const ka = basic(a);
  if (ka === 'invalid') throw new GoFuncError(BAD_TYPE);
  const kb = basic(b);
  if (kb === 'invalid') throw new GoFuncError(BAD_TYPE);
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return numValue(a) < numValue(b);
    throw new GoFuncError(INCOMPATIBLE);
  }
  if (ka === 'bool') throw new GoFuncError(BAD_TYPE);
  if (ka === 'string') return Buffer.compare(Buffer.from(strValue(a)), Buffer.from(strValue(b))) < 0;
  return numValue(a) < numValue(b);
}

export const COMPARISONS: Record<string, (args: unknown[]) => boolean> = {
  eq,
  ne: (args) => !eq(args),
  lt,
  le: (args) => lt(args) || eq(args),
  gt: (args) => !(lt(args) || eq(args)),
  ge: (args) => !lt(args),
};

