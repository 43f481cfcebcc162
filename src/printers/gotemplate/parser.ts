// text/template/parse's parser (Go 1.23): a recursive descent over the lexer's items, with the
// same error texts (`template: output:1: function "foo" not defined`) and the same line numbers
// (those of the last item read from the lexer).
import { itemString, Lexer, type Item, type ItemType } from './lexer.js';
import { isEmptyTree, nodeString, type CommandNode, type ListNode, type Node, type PipeNode } from './nodes.js';
import { parseOperand } from './parse-operand.js';
import { unquote, UnquoteError } from './unquote.js';
import { parseControl } from './parse-control.js';

export class GoTemplateParseError extends Error {}

export interface Tree {
  name: string;
  root: ListNode;
}

export class Parser {
  private items: Item[];
  private idx = 0;
  private last = 0;
  vars: string[] = ['$'];
  rangeDepth = 0;
  private actionLine = 0;

  constructor(
    readonly text: string,
    readonly parseName: string,
    readonly hasFunc: (name: string) => boolean,
    readonly trees: Map<string, Tree>,
    items?: Item[],
  ) {
    this.items = items ?? new Lexer(text, { breakOK: !hasFunc('break'), continueOK: !hasFunc('continue') }).run();
  }

  /** A parser for a nested definition, sharing this one's items and position. */
  sub(): Parser {
    const p = new Parser(this.text, this.parseName, this.hasFunc, this.trees, this.items);
    p.idx = this.idx;
    p.last = this.last;
    return p;
  }

  adopt(p: Parser): void {
    this.idx = p.idx;
    this.last = Math.max(this.last, p.last);
  }

  errorf(msg: string): never {
    const line = this.items[Math.min(this.last, this.items.length - 1)]!.line;
    throw new GoTemplateParseError(`template: ${this.parseName}:${line}: ${msg}`);
  }

  next(): Item {
    const i = Math.min(this.idx, this.items.length - 1);
    this.idx = i + 1;
    this.last = Math.max(this.last, i);
    return this.items[i]!;
  }

  backup(n = 1): void {
    this.idx -= n;
  }

  peek(): Item {
    const it = this.next();
    this.backup();
    return it;
  }

  nextNonSpace(): Item {
    let it = this.next();
    while (it.typ === 'space') it = this.next();
    return it;
  }

  peekNonSpace(): Item {
    const it = this.nextNonSpace();
    this.backup();
    return it;
  }

  expect(typ: ItemType, context: string): Item {
    const it = this.nextNonSpace();
    if (it.typ !== typ) this.unexpected(it, context);
    return it;
  }

  unexpected(it: Item, context: string): never {
    if (it.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== it.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (it.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${it.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(it)} in ${context}`);
  }

  unquoted(it: Item): string {
    try {
      return unquote(it.val);
    } catch (err) {
      if (err instanceof UnquoteError) this.errorf(err.message);
      throw err;
    }
  }

  /** Parse the whole text: the top-level tree, named `name`, and every {{define}}. */
  parse(name: string): void {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== 'EOF') {
      if (this.peek().typ === 'leftDelim') {
        const at = this.idx;
        this.next();
        if (this.nextNonSpace().typ === 'define') {
          const p = this.sub();
          p.parseDefinition();
          this.adopt(p);
          continue;
        }
        this.idx = at;
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    this.add({ name, root });
  }

  add(tree: Tree): void {
    const old = this.trees.get(tree.name);
    if (old === undefined || isEmptyTree(old.root)) {
      this.trees.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.errorf(`template: multiple definition of template ${JSON.stringify(tree.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const it = this.nextNonSpace();
    if (it.typ !== 'string' && it.typ !== 'rawString') this.unexpected(it, context);
    const name = this.unquoted(it);
    this.expect('rightDelim', context);
    const [root, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add({ name, root });
  }

  itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const it = this.nextNonSpace();
    if (it.typ === 'text') return { type: 'text', pos: it.pos, text: it.val };
    if (it.typ !== 'leftDelim') this.unexpected(it, 'input');
    this.actionLine = it.line;
    try {
      return this.action();
    } finally {
      this.actionLine = 0;
    }
  }

  private action(): Node {
    const it = this.nextNonSpace();
    const control = parseControl(this, it);
    if (control !== undefined) return control;
    this.backup();
    const tok = this.peek();
    return { type: 'action', pos: tok.pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const it = this.nextNonSpace();
      if (it.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(it.typ)) this.unexpected(it, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
  }

  private declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') return;
      const start = this.idx;
      this.nextNonSpace();
      const after = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === 'assign' || next.typ === 'declare') {
        pipe.isAssign = next.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ pos: v.pos, name: v.val });
        this.vars.push(v.val);
        return;
      }
      if (next.typ === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ pos: v.pos, name: v.val });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      void after;
      this.idx = start;
      return;
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0]!.type)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = parseOperand(this);
      if (operand !== undefined) cmd.args.push(operand);
      const it = this.next();
      if (it.typ === 'space') continue;
      if (it.typ === 'rightDelim' || it.typ === 'rightParen') this.backup();
      else if (it.typ !== 'pipe') this.unexpected(it, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }
}

const OPERAND_START = new Set<ItemType>(['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen']);
