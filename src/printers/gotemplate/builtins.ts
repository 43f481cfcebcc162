// text/template's builtin functions (funcs.go) over engine values, with their Go parameter
// shapes (for the "wrong number of args" checks) and Go's error texts.
import { COMPARISONS, GoFuncError } from './compare.js';
import { htmlEscape, jsEscape, queryEscape } from './escape.js';
import { sprint, sprintf, sprintln } from './fmt.js';
import { concrete, GoNum, GoStr, Iface, int, INVALID, isGoMap, isTrue, kindOf, norm, numValue, sortedKeys, strValue, typeName, type GoFuncSpec } from './values.js';

export interface Builtin {
  spec: GoFuncSpec;
  fn: (args: unknown[]) => unknown;
}

const RV = 'reflect.Value';

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid') throw new GoFuncError('cannot index slice/array with nil');
  if (k !== 'int' && k !== 'uint') throw new GoFuncError(`cannot index slice/array with type ${typeName(index)}`);
  const x = numValue(index);
  if (x < 0 || x > cap) throw new GoFuncError(`index out of range: ${x}`);
  return x;
}

function indexOne(item: unknown, index: unknown): unknown {
  const c = concrete(item);
  if (kindOf(c) === 'invalid') throw new GoFuncError('index of nil pointer');
  if (typeof c === 'string' || c instanceof GoStr) {
    const bytes = Buffer.from(strValue(c), 'utf8');
    const x = indexArg(index, bytes.length);
    if (x === bytes.length) throw new GoFuncError(`index out of range: ${x}`);
    return new GoNum('uint8', bytes[x]!);
  }
  if (Array.isArray(c)) {
    const x = indexArg(index, c.length);
    if (x === c.length) throw new GoFuncError(`index out of range: ${x}`);
    return new Iface(norm(c[x]));
  }
  if (isGoMap(c)) {
    if (kindOf(index) === 'invalid') throw new GoFuncError('value is nil; should be of type string');
    if (typeof index !== 'string') throw new GoFuncError(`value has type ${typeName(index)}; should be string`);
    return new Iface(norm(c[index]));
  }
  throw new GoFuncError(`can't index item of type ${typeName(c)}`);
}

function index(args: unknown[]): unknown {
  let item = concrete(args[0]);
  if (item === INVALID) throw new GoFuncError('index of untyped nil');
  for (const i of args.slice(1)) item = indexOne(item, concrete(i));
  return item;
}

function slice(args: unknown[]): unknown {
  const item = concrete(args[0]);
  if (item === INVALID) throw new GoFuncError('slice of untyped nil');
  const idx = args.slice(1).map(concrete);
  if (idx.length > 3) throw new GoFuncError(`too many slice indexes: ${idx.length}`);
  const isStr = typeof item === 'string';
  if (isStr && idx.length === 3) throw new GoFuncError('cannot 3-index slice a string');
  if (!isStr && !Array.isArray(item)) throw new GoFuncError(`can't slice item of type ${typeName(item)}`);
  const seq = isStr ? Buffer.from(item, 'utf8') : item;
  const bounds = [0, seq.length];
  idx.forEach((x, i) => (bounds[i] = indexArg(x, seq.length)));
  if (bounds[0]! > bounds[1]!) throw new GoFuncError(`invalid slice index: ${bounds[0]} > ${bounds[1]}`);
  if (idx.length === 3 && bounds[1]! > bounds[2]!) throw new GoFuncError(`invalid slice index: ${bounds[1]} > ${bounds[2]}`);
  return isStr ? (seq as Buffer).subarray(bounds[0], bounds[1]).toString('utf8') : (seq as unknown[]).slice(bounds[0], bounds[1]);
}

function length(args: unknown[]): unknown {
  const c = args[0] instanceof Iface && args[0].inner === null ? null : concrete(args[0]);
  if (c === null) throw new GoFuncError('len of nil pointer');
  if (c === INVALID) throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof c === 'string' || c instanceof GoStr) return int(Buffer.byteLength(strValue(c), 'utf8'));
  if (Array.isArray(c)) return int(c.length);
  if (isGoMap(c)) return int(sortedKeys(c).length);
  throw new GoFuncError(`len of type ${typeName(c)}`);
}

/** evalArgs: the one string argument, or fmt.Sprint of printable values. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === INVALID ? '<no value>' : a)));
}

const variadicAny: GoFuncSpec = { variadic: 'any' };
const fixedRV = (n: number, variadic = false): GoFuncSpec => ({ params: Array<string>(n).fill(RV), ...(variadic ? { variadic: RV } : {}) });

export const BUILTINS: Record<string, Builtin> = {
  and: { spec: fixedRV(1, true), fn: () => undefined },
  or: { spec: fixedRV(1, true), fn: () => undefined },
  not: { spec: fixedRV(1), fn: (a) => !isTrue(a[0])[0] },
  call: { spec: fixedRV(1, true), fn: (a) => callFn(a) },
  html: { spec: variadicAny, fn: (a) => htmlEscape(evalArgs(a)) },
  js: { spec: variadicAny, fn: (a) => jsEscape(evalArgs(a)) },
  urlquery: { spec: variadicAny, fn: (a) => queryEscape(evalArgs(a)) },
  index: { spec: fixedRV(1, true), fn: index },
  slice: { spec: fixedRV(1, true), fn: slice },
  len: { spec: fixedRV(1), fn: length },
  print: { spec: variadicAny, fn: (a) => sprint(a) },
  printf: { spec: { params: ['string'], variadic: 'any' }, fn: (a) => sprintf(strValue(a[0]), a.slice(1)) },
  println: { spec: variadicAny, fn: (a) => sprintln(a) },
  eq: { spec: fixedRV(1, true), fn: (a) => COMPARISONS.eq!(a) },
  ne: { spec: fixedRV(2), fn: (a) => COMPARISONS.ne!(a) },
  lt: { spec: fixedRV(2), fn: (a) => COMPARISONS.lt!(a) },
  le: { spec: fixedRV(2), fn: (a) => COMPARISONS.le!(a) },
  gt: { spec: fixedRV(2), fn: (a) => COMPARISONS.gt!(a) },
  ge: { spec: fixedRV(2), fn: (a) => COMPARISONS.ge!(a) },
};

/** The `call` builtin: JSON data holds no functions, but a function value may come from a pipeline. */
function callFn(args: unknown[]): unknown {
  const fn = concrete(args[1]);
  if (fn === INVALID) throw new GoFuncError('call of nil');
  if (typeof fn !== 'function') throw new GoFuncError(`non-function ${String(args[0])} of type ${typeName(fn)}`);
  return norm((fn as (...a: unknown[]) => unknown)(...args.slice(2).map(concrete)));
}
