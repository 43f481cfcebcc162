// evalCall: a function's arguments checked against its Go parameter shape, evaluated (and/or
// short-circuit), called, and its error reported as `error calling NAME: …`.
import { BUILTINS } from './builtins.js';
import { GoFuncError } from './compare.js';
import { MISSING } from './markers.js';
import { nodeString, type Arg, type Node } from './nodes.js';
import { GoNum, Iface, INVALID, isTrue, norm, typeName, type GoFunc, type GoFuncSpec } from './values.js';

export interface FuncEntry {
  spec: GoFuncSpec;
  fn: (args: unknown[]) => unknown;
  builtin: boolean;
}
export type FuncTable = Map<string, FuncEntry>;

/** What a call needs of the executor. */
export interface State {
  env: { funcs: FuncTable };
  at(n: Node): void;
  errorf(msg: string): never;
  evalArg(dot: unknown, n: Arg): unknown;
}

/** The builtins, with user functions over them (user values are plain JS: numbers, strings, data). */
export function funcTable(user: Record<string, GoFunc>): FuncTable {
  const t: FuncTable = new Map(Object.entries(BUILTINS).map(([k, b]) => [k, { ...b, builtin: true }]));
  for (const [name, f] of Object.entries(user)) {
    const spec = f.goSpec ?? { variadic: 'any' };
    t.set(name, { spec, fn: (args) => norm(f(...(spec.raw ? args : args.map(toJs)))), builtin: false });
  }
  return t;
}

function toJs(v: unknown): unknown {
  if (v instanceof GoNum) return v.value;
  if (v === INVALID) return null;
  return v;
}

/** validateType: a value passed to a parameter of Go type `typ`. */
function validate(s: State, v: unknown, typ: string): unknown {
  if (typ === 'reflect.Value') return v;
  if (v === INVALID) {
    if (typ === 'any') return null;
    s.errorf(`invalid value; expected ${typ}`);
  }
  const inner = v instanceof Iface ? v.inner : v;
  if (typ === 'any') return inner;
  if (typ === 'string' && typeof inner === 'string') return inner;
  if (typ === 'bool' && typeof inner === 'boolean') return inner;
  s.errorf(`wrong type for value; expected ${typ}; got ${typeName(inner === null ? v : inner)}`);
}

function evalTypedArg(s: State, dot: unknown, typ: string, n: Arg): unknown {
  s.at(n);
  if (n.type === 'nil') {
    if (typ === 'string' || typ === 'bool') s.errorf(`cannot assign nil to ${typ}`);
    return typ === 'any' ? null : INVALID;
  }
  const literal = n.type === 'bool' || n.type === 'number' || n.type === 'string';
  if (literal && typ === 'string') {
    if (n.type !== 'string') s.errorf(`expected string; found ${nodeString(n)}`);
    return n.text;
  }
  if (literal && typ === 'bool') {
    if (n.type !== 'bool') s.errorf(`expected bool; found ${nodeString(n)}`);
    return n.value;
  }
  return validate(s, s.evalArg(dot, n), typ);
}

function checkArgCount(s: State, name: string, spec: GoFuncSpec, nArgs: number, numIn: number): void {
  const fixed = spec.params?.length ?? 0;
  if (spec.variadic !== undefined) {
    if (numIn < fixed) s.errorf(`wrong number of args for ${name}: want at least ${fixed} got ${nArgs}`);
  } else if (numIn !== fixed) s.errorf(`wrong number of args for ${name}: want ${fixed} got ${numIn}`);
}

const paramType = (spec: GoFuncSpec, i: number): string => spec.params?.[i] ?? spec.variadic ?? 'any';

function andOr(s: State, dot: unknown, name: string, args: Arg[], final: unknown): unknown {
  let v: unknown = INVALID;
  for (const a of args) {
    v = evalTypedArg(s, dot, 'reflect.Value', a);
    if (isTrue(v)[0] === (name === 'or')) return v;
  }
  return final !== MISSING ? final : v;
}

export function evalCall(s: State, dot: unknown, name: string, node: Node, args: Arg[], final: unknown): unknown {
  const f = s.env.funcs.get(name);
  if (f === undefined) s.errorf(`${JSON.stringify(name)} is not a defined function`);
  const numIn = args.length + (final !== MISSING ? 1 : 0);
  checkArgCount(s, name, f.spec, args.length, numIn);
  if (f.builtin && (name === 'and' || name === 'or')) return andOr(s, dot, name, args, final);
  const argv = args.map((a, i) => evalTypedArg(s, dot, paramType(f.spec, i), a));
  if (final !== MISSING) argv.push(validate(s, final, paramType(f.spec, args.length)));
  if (f.builtin && name === 'call') argv.unshift(args.length === 0 ? String(final) : nodeString(args[0]!));
  try {
    return f.fn(argv);
  } catch (err) {
    s.at(node);
    s.errorf(`error calling ${name}: ${err instanceof GoFuncError || err instanceof Error ? err.message : String(err)}`);
  }
}
