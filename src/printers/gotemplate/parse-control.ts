// The parser's control actions: if/range/with with else and else-if, define'd templates
// ({{template}}, {{block}}), break/continue inside range, and the stray {{end}}/{{else}}.
import type { Item, ItemType } from './lexer.js';
import { nodeString, type ListNode, type Node, type PipeNode } from './nodes.js';

/** What the control actions need of the parser. */
export interface Parser {
  vars: string[];
  rangeDepth: number;
  pipeline(context: string, end: ItemType): PipeNode;
  itemList(): [ListNode, Node];
  next(): Item;
  backup(): void;
  peek(): Item;
  nextNonSpace(): Item;
  peekNonSpace(): Item;
  expect(typ: ItemType, context: string): Item;
  unexpected(it: Item, context: string): never;
  unquoted(it: Item): string;
  errorf(msg: string): never;
  sub(): Parser;
  adopt(p: Parser): void;
  add(tree: { name: string; root: ListNode }): void;
}

function controlBody(p: Parser, context: 'if' | 'range' | 'with'): [PipeNode, ListNode, ListNode | null] {
  const mark = p.vars.length;
  try {
    const pipe = p.pipeline(context, 'rightDelim');
    if (context === 'range') p.rangeDepth++;
    const [list, next] = p.itemList();
    if (context === 'range') p.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.type === 'else') {
      const chained = p.peek().typ;
      if ((context === 'if' && chained === 'if') || (context === 'with' && chained === 'with')) {
        p.next();
        elseList = { type: 'list', pos: next.pos, nodes: [branch(p, context)] };
      } else {
        const [l, end] = p.itemList();
        if (end.type !== 'end') p.errorf(`expected end; found ${nodeString(end)}`);
        elseList = l;
      }
    }
    return [pipe, list, elseList];
  } finally {
    p.vars.length = mark;
  }
}

function branch(p: Parser, context: 'if' | 'range' | 'with'): Node {
  const [pipe, list, elseList] = controlBody(p, context);
  return { type: context, pos: pipe.pos, pipe, list, elseList };
}

function templateName(p: Parser, it: Item, context: string): string {
  if (it.typ !== 'string' && it.typ !== 'rawString') p.unexpected(it, context);
  return p.unquoted(it);
}

function templateControl(p: Parser): Node {
  const it = p.nextNonSpace();
  const name = templateName(p, it, 'template clause');
  let pipe: PipeNode | null = null;
  if (p.nextNonSpace().typ !== 'rightDelim') {
    p.backup();
    pipe = p.pipeline('template clause', 'rightDelim');
  }
  return { type: 'template', pos: it.pos, name, pipe };
}

function blockControl(p: Parser): Node {
  const context = 'block clause';
  const it = p.nextNonSpace();
  const name = templateName(p, it, context);
  const pipe = p.pipeline(context, 'rightDelim');
  const sub = p.sub();
  const [root, end] = sub.itemList();
  if (end.type !== 'end') sub.errorf(`unexpected ${nodeString(end)} in ${context}`);
  sub.add({ name, root });
  p.adopt(sub);
  return { type: 'template', pos: it.pos, name, pipe };
}

function loopControl(p: Parser, it: Item): Node {
  const word = it.typ as 'break' | 'continue';
  const next = p.nextNonSpace();
  if (next.typ !== 'rightDelim') p.unexpected(next, `{{${word}}}`);
  if (p.rangeDepth === 0) p.errorf(`{{${word}}} outside {{range}}`);
  return { type: word, pos: it.pos };
}

/** The control node an action's first item starts, or undefined for a plain pipeline. */
export function parseControl(p: Parser, it: Item): Node | undefined {
  switch (it.typ) {
    case 'block':
      return blockControl(p);
    case 'break':
    case 'continue':
      return loopControl(p, it);
    case 'else': {
      const peek = p.peekNonSpace();
      if (peek.typ === 'if' || peek.typ === 'with') return { type: 'else', pos: peek.pos };
      return { type: 'else', pos: p.expect('rightDelim', 'else').pos };
    }
    case 'end':
      return { type: 'end', pos: p.expect('rightDelim', 'end').pos };
    case 'if':
    case 'range':
    case 'with':
      return branch(p, it.typ);
    case 'template':
      return templateControl(p);
    default:
      return undefined;
  }
}
