// Go's text/template (Go 1.23) for -o go-template in kubectl and crictl: parse once, execute over
// decoded JSON. Errors carry Go's exact messages; an execution error also carries the text
// written before it (Go writes as it goes).
import { funcTable, type FuncTable } from './call.js';
import { DEPTH_EXCEEDED, State, type MissingKey } from './exec.js';
import { Parser, type Tree } from './parser.js';
import { norm, type GoFunc } from './values.js';

export { GoTemplateExecError, type MissingKey } from './exec.js';
export { GoTemplateParseError } from './parser.js';
export { sprint, sprintf } from './fmt.js';
export { float64, GoNum, GoStr, int, int64, type GoFunc, type GoFuncSpec } from './values.js';

export interface GoTemplate {
  /** Template.Option: "missingkey=default" | "missingkey=invalid" | "missingkey=zero" | "missingkey=error". */
  option(opt: string): GoTemplate;
  execute(data: unknown): string;
}

class Template implements GoTemplate {
  private missingKey: MissingKey = 'default';

  constructor(
    private readonly name: string,
    private readonly text: string,
    private readonly trees: Map<string, Tree>,
    private readonly funcs: FuncTable,
  ) {}

  option(opt: string): GoTemplate {
    const m = /^missingkey=(default|invalid|zero|error)$/.exec(opt);
    if (!m) throw new Error(`unrecognized option: ${opt}`);
    this.missingKey = m[1] === 'invalid' ? 'default' : (m[1] as MissingKey);
    return this;
  }

  execute(data: unknown): string {
    const env = { text: this.text, parseName: this.name, trees: this.trees, funcs: this.funcs, missingKey: this.missingKey };
    const dot = norm(data);
    const s = new State(env, this.name, dot);
    try {
      s.walk(dot, this.trees.get(this.name)!.root);
    } catch (err) {
      if (err instanceof RangeError) throw s.error(DEPTH_EXCEEDED);
      throw err;
    }
    return s.out;
  }
}

export interface GoTemplateOptions {
  /** the template's name in errors (template.New(name)); "output" unless given */
  name?: string;
  missingKey?: MissingKey;
}

/** template.New(name).Funcs(funcs).Parse(text), then Option("missingkey=…") when asked. */
export function parseGoTemplate(text: string, funcs: Record<string, GoFunc> = {}, nameOrOptions: string | GoTemplateOptions = {}): GoTemplate {
  const o = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : nameOrOptions;
  const name = o.name ?? 'output';
  const table = funcTable(funcs);
  const trees = new Map<string, Tree>();
  new Parser(text, name, (f) => table.has(f), trees).parse(name);
  const t = new Template(name, text, trees, table);
  return o.missingKey ? t.option(`missingkey=${o.missingKey}`) : t;
}
