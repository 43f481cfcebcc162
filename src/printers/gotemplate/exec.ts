// text/template's executor (exec.go): walks the tree over the data, with Go's error texts
// (`template: output:1:7: executing "output" at <.nope.deeper>: map has no entry for key "nope"`).
import { evalCall, type FuncTable } from './call.js';
import { sprint } from './fmt.js';
import { nodeString, type Arg, type BranchNode, type CommandNode, type Node, type NumberNode, type PipeNode } from './nodes.js';
import type { Tree } from './parser.js';
import { BreakSignal, ContinueSignal, MISSING } from './markers.js';
import { walkRange } from './range.js';
import { float64, Iface, int, INVALID, isGoMap, isTrue, norm, typeName } from './values.js';

export type MissingKey = 'default' | 'zero' | 'error';

const MAX_EXEC_DEPTH = 100000;
/** Go's error when {{template}} recursion runs too deep (JS's stack runs out first). */
export const DEPTH_EXCEEDED = `exceeded maximum template depth (${MAX_EXEC_DEPTH})`;

export class GoTemplateExecError extends Error {
  /** what the template wrote before it failed */
  output = '';
}

/** The text before a node, for error locations: line and UTF-8 byte column. */
function errorContext(text: string, parseName: string, n: Node): [string, string] {
  const before = text.slice(0, n.pos);
  const nl = before.lastIndexOf('\n');
  const col = Buffer.byteLength(nl < 0 ? before : before.slice(nl + 1), 'utf8');
  const line = 1 + (before.match(/\n/g)?.length ?? 0);
  return [`${parseName}:${line}:${col}`, nodeString(n)];
}

interface Variable {
  name: string;
  value: unknown;
}

export interface ExecEnv {
  text: string;
  parseName: string;
  trees: Map<string, Tree>;
  funcs: FuncTable;
  missingKey: MissingKey;
}

export class State {
  out = '';
  node: Node | null = null;
  vars: Variable[];
  depth = 0;

  constructor(readonly env: ExecEnv, public tmplName: string, dot: unknown) {
    this.vars = [{ name: '$', value: dot }];
  }

  at(n: Node): void {
    this.node = n;
  }

  evalArg(dot: unknown, n: Arg): unknown {
    return evalArgValue(this, dot, n);
  }

  /** The error at the current node, with what was written so far. */
  error(msg: string): GoTemplateExecError {
    let e: GoTemplateExecError;
    if (this.node === null) e = new GoTemplateExecError(`template: ${this.tmplName}: ${msg}`);
    else {
      const [location, context] = errorContext(this.env.text, this.env.parseName, this.node);
      e = new GoTemplateExecError(`template: ${location}: executing ${JSON.stringify(this.tmplName)} at <${context}>: ${msg}`);
    }
    e.output = this.out;
    return e;
  }

  errorf(msg: string): never {
    throw this.error(msg);
  }

  varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    this.errorf(`undefined variable: ${name}`);
  }

  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return walkRange(this, dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private printValue(n: Node, v: unknown): void {
    this.at(n);
    if (v === INVALID) this.out += '<no value>';
    else if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    else this.out += sprint([v]);
  }

  withVars<T>(f: () => T): T {
    const mark = this.vars.length;
    try {
      return f();
    } finally {
      this.vars.length = mark;
    }
  }

  private walkIfOrWith(dot: unknown, n: BranchNode): void {
    this.withVars(() => {
      const val = this.evalPipeline(dot, n.pipe);
      const [truth] = isTrue(val);
      if (truth) this.walk(n.type === 'with' ? val : dot, n.list);
      else if (n.elseList !== null) this.walk(dot, n.elseList);
    });
  }

  private walkTemplate(dot: unknown, node: Extract<Node, { type: 'template' }>): void {
    const tree = this.env.trees.get(node.name);
    if (tree === undefined) this.errorf(`template ${JSON.stringify(node.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(DEPTH_EXCEEDED);
    const newDot = node.pipe === null ? INVALID : this.evalPipeline(dot, node.pipe);
    const caller = { vars: this.vars, tmplName: this.tmplName };
    const restore = (): void => {
      this.depth--;
      [this.vars, this.tmplName] = [caller.vars, caller.tmplName];
    };
    [this.vars, this.tmplName] = [[{ name: '$', value: newDot }], node.name];
    this.depth++;
    try {
      this.walk(newDot, tree.root);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      // JS's stack runs out before Go's depth limit: report it as Go does, at the deepest
      // {{template}} that has the stack left to build the error.
      restore();
      this.at(node);
      this.errorf(DEPTH_EXCEEDED);
    }
    restore();
  }

  evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value instanceof Iface) value = value.inner === null ? INVALID : value.inner;
    }
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(d.name, value);
      else this.vars.push({ name: d.name, value });
    }
    return value;
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: unknown): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        this.at(first);
        return evalCall(this, dot, first.ident, cmd, cmd.args.slice(1), final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  notAFunction(args: Arg[], final: unknown): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  idealConstant(n: NumberNode): unknown {
    this.at(n);
    const hexOrRune = n.isChar || /^[+-]?0[xX]/.test(n.text);
    if (n.isFloat && !hexOrRune && /[.eEpP]/.test(n.text)) return float64(n.float);
    if (n.isInt) return int(n.int);
    return float64(n.float);
  }

  evalChain(dot: unknown, chain: Extract<Arg, { type: 'chain' }>, args: Arg[], final: unknown): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariable(dot: unknown, v: Extract<Arg, { type: 'variable' }>, args: Arg[], final: unknown): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  evalFieldChain(dot: unknown, receiver: unknown, node: Node, ident: string[], args: Arg[], final: unknown): unknown {
    let r = receiver;
    ident.forEach((name, i) => {
      const last = i === ident.length - 1;
      r = this.evalField(name, last ? args : [], last ? final : MISSING, r);
    });
    return r;
  }

  private evalField(name: string, args: Arg[], final: unknown, receiver: unknown): unknown {
    if (receiver === INVALID) {
      if (this.env.missingKey === 'error') this.errorf(`nil data; no entry for key ${JSON.stringify(name)}`);
      return INVALID;
    }
    const typ = typeName(receiver);
    const c = receiver instanceof Iface ? receiver.inner : receiver;
    if (c === null) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (isGoMap(c)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const v = c[name];
      if (v !== undefined) return new Iface(norm(v));
      if (this.env.missingKey === 'error') this.errorf(`map has no entry for key ${JSON.stringify(name)}`);
      return this.env.missingKey === 'zero' ? new Iface(null) : INVALID;
    }
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }
}

/** evalArg with no declared type: a node's value as an argument to a reflect.Value parameter. */
function evalArgValue(s: State, dot: unknown, n: Arg): unknown {
  s.at(n);
  switch (n.type) {
    case 'dot':
      return dot;
    case 'nil':
      return INVALID;
    case 'field':
      return s.evalFieldChain(dot, dot, n, n.ident, [n], MISSING);
    case 'variable':
      return s.evalVariable(dot, n, [n], MISSING);
    case 'pipe':
      return s.evalPipeline(dot, n);
    case 'identifier':
      return evalCall(s, dot, n.ident, n, [], MISSING);
    case 'chain':
      return s.evalChain(dot, n, [n], MISSING);
    case 'bool':
      return n.value;
    case 'number':
      return s.idealConstant(n);
    case 'string':
      return n.text;
  }
}
