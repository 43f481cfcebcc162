// CEL for admission policies and CRD validation rules, evaluated by @marcbachmann/cel-js (a CEL implementation; writing one
// here would be a second, worse one): the variables a ValidatingAdmissionPolicy sees (object,
// oldObject, params, request, namespaceObject, variables), JSON numbers that are whole as CEL ints,
// and errors worded as the apiserver's cel filter words them.
import type { Environment } from '@marcbachmann/cel-js';

// a policy's variables, and a CRD rule's self and oldSelf
const VARIABLES = ['object', 'oldObject', 'params', 'request', 'namespaceObject', 'variables', 'self', 'oldSelf'] as const;

let env: Environment | undefined;
/** An environment declaring these variables (all dyn), with the Kubernetes libraries. */
let makeEnvironment: ((variables: readonly string[]) => Environment) | undefined;

/** Loads the CEL library (on first use: most clusters never evaluate CEL, and the daemon idles small). */
export async function celReady(): Promise<void> {
  if (env) return;
  const [{ Environment }, { registerKubernetesLibrary }] = await Promise.all([import('@marcbachmann/cel-js'), import('./k8s-library.js')]);
  if (env) return;
  makeEnvironment = (variables) => {
    const e = new Environment({ homogeneousAggregateLiterals: false, enableOptionalTypes: true });
    for (const v of variables) e.registerVariable(v, 'dyn');
    registerKubernetesLibrary(e);
    return e;
  };
  env = makeEnvironment(VARIABLES);
}

function environment(): Environment {
  if (!env) throw new Error('CEL is not loaded (celReady)');
  return env;
}

/** A JSON value as CEL sees a Kubernetes object's: whole numbers are ints. */
export function toCel(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toCel(x)]));
  return v;
}

export type Activation = Partial<Record<(typeof VARIABLES)[number], unknown>>;

/** cel-go's lower-case wording where cel-js capitalises. */
const goWording = (message: string): string => message.split('\n')[0]!.replace(/^No such key/, 'no such key');

export class CelError extends Error {
  constructor(message: string, /** the CEL error alone (cel-go's words) */ readonly detail: string, readonly compile = false) {
    super(message);
  }
}

type Program = (ctx: Activation) => unknown;
const programs = new Map<string, Program | CelError>();

/** The expression compiled once (a compile error is kept as the error every evaluation gets). */
function compile(expression: string): Program {
  let p = programs.get(expression);
  if (!p) {
    try {
      const parsed = environment().parse(expression);
      p = (ctx: Activation) => parsed(ctx as Record<string, unknown>);
    } catch (err) {
      const detail = goWording((err as Error).message);
      p = new CelError(`compilation error: ${detail}`, detail, true);
    }
    if (programs.size > 1000) programs.clear();
    programs.set(expression, p);
  }
  if (p instanceof CelError) throw p;
  return p;
}

/** Evaluates expression; a failure is a CelError in the apiserver's words. */
export function evaluate(expression: string, ctx: Activation): unknown {
  const program = compile(expression);
  try {
    return program(ctx);
  } catch (err) {
    if (err instanceof CelError) throw err;
    const detail = goWording((err as Error).message);
    throw new CelError(`expression '${expression}' resulted in error: ${detail}`, detail);
  }
}

/**
 * The `variables` a policy declares, each evaluated on first use (in the same activation, so one
 * may use those before it); a failing one fails the expression that reads it.
 */
export function lazyVariables(decls: { name: string; expression: string }[], ctx: Activation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cache = new Map<string, { value?: unknown; error?: CelError }>();
  for (const d of decls) {
    Object.defineProperty(out, d.name, {
      enumerable: true,
      get() {
        let r = cache.get(d.name);
        if (!r) {
          try {
            r = { value: evaluate(d.expression, ctx) };
          } catch (err) {
            r = { error: err as CelError };
          }
          cache.set(d.name, r);
        }
        if (r.error) throw r.error;
        return r.value;
      },
    });
  }
  return out;
}

const FULL_WIDTH_DOT = '\uff0e';
const WIDE_CARET = '\uff3e';
const wide = (ch: string | undefined): boolean => ch !== undefined && Buffer.byteLength(ch) > 1;

/**
 * cel-go's ToDisplayString of one issue: `ERROR: <input>:line:column: message`, then the source
 * line and a caret under the column (dots before it, full-width for multi-byte characters).
 */
function displayIssue(source: string, offset: number, message: string): string {
  const before = source.slice(0, offset);
  const lineNo = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)];
  const snippet = source.split('\n')[lineNo - 1]!.replace(/\t/g, ' ');
  const next = [...snippet][column.length];
  const dots = column.map((ch) => (wide(ch) ? FULL_WIDTH_DOT : '.')).join('');
  return `ERROR: <input>:${lineNo}:${column.length + 1}: ${message}\n | ${snippet}\n | ${dots}${wide(next) ? WIDE_CARET : '^'}`;
}

/**
 * What compiling expression reports when it does not parse, in the form of cel-go's issues.String()
 * (the syntax error's own words are cel-js's); undefined when it parses. Needs celReady().
 */
export function parseIssues(expression: string): string | undefined {
  try {
    environment().parse(expression);
    return undefined;
  } catch (err) {
    const e = err as Error & { node?: { pos?: number } };
    const first = e.message.split('\n')[0]!;
    return displayIssue(expression, Math.min(e.node?.pos ?? 0, expression.length), `Syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1)}`);
  }
}

const checkers = new Map<string, Environment>();

/**
 * What compiling expression against these declared variables reports (cel-go's issues.String()),
 * or undefined: a syntax error (parseIssues), or a reference to a variable that is not declared
 * (`undeclared reference to 'x' (in container '')`). Other type errors are let through: every
 * variable is dyn here, where cel-go knows their types, so the two checkers would disagree.
 */
export function compileIssues(expression: string, declared: readonly string[]): string | undefined {
  const syntax = parseIssues(expression);
  if (syntax !== undefined) return syntax;
  const key = declared.join(',');
  let checker = checkers.get(key);
  if (!checker) checkers.set(key, (checker = makeEnvironment!(declared))); // loaded: parseIssues needs it too
  const r = checker.check(expression);
  const undeclared = r.valid ? null : /^Unknown variable: (\S+)/.exec(r.error?.message ?? '');
  if (!undeclared) return undefined;
  const pos = (r.error as { node?: { pos?: number } }).node?.pos ?? 0;
  return displayIssue(expression, Math.min(pos, expression.length), `undeclared reference to '${undeclared[1]}' (in container '')`);
}

/** Whether CEL is loaded (validation that compiles expressions runs after celReady()). */
export const celLoaded = (): boolean => env !== undefined;
