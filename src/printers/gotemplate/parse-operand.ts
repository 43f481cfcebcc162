// The parser's operands: a term (function name, ., nil, $variable, .Field, literal, (pipeline))
// and the .Field chain that may follow it.
import type { Item, ItemType } from './lexer.js';
import { nodeString, type Arg, type NumberNode, type PipeNode } from './nodes.js';
import { parseNumber } from './number.js';

/** What operands need of the parser. */
export interface OperandParser {
  vars: string[];
  hasFunc(name: string): boolean;
  next(): Item;
  backup(): void;
  peek(): Item;
  nextNonSpace(): Item;
  errorf(msg: string): never;
  unquoted(it: Item): string;
  pipeline(context: string, end: ItemType): PipeNode;
}

function number(p: OperandParser, it: Item): NumberNode {
  const n = parseNumber(it.val, it.typ === 'charConstant', it.pos);
  if (typeof n === 'string') p.errorf(n);
  return n;
}

function useVar(p: OperandParser, it: Item): Arg {
  const ident = it.val.split('.');
  if (!p.vars.includes(ident[0]!)) p.errorf(`undefined variable ${JSON.stringify(ident[0])}`);
  return { type: 'variable', pos: it.pos, ident };
}

function term(p: OperandParser): Arg | undefined {
  const it = p.nextNonSpace();
  switch (it.typ) {
    case 'identifier':
      if (!p.hasFunc(it.val)) p.errorf(`function ${JSON.stringify(it.val)} not defined`);
      return { type: 'identifier', pos: it.pos, ident: it.val };
    case 'dot':
      return { type: 'dot', pos: it.pos };
    case 'nil':
      return { type: 'nil', pos: it.pos };
    case 'variable':
      return useVar(p, it);
    case 'field':
      return { type: 'field', pos: it.pos, ident: it.val.slice(1).split('.') };
    case 'bool':
      return { type: 'bool', pos: it.pos, value: it.val === 'true' };
    case 'charConstant':
    case 'number':
      return number(p, it);
    case 'leftParen':
      return p.pipeline('parenthesized pipeline', 'rightParen');
    case 'string':
    case 'rawString':
      return { type: 'string', pos: it.pos, quoted: it.val, text: p.unquoted(it) };
    default:
      p.backup();
      return undefined;
  }
}

/** parse.operand: a term, then any .Field chain on it. */
export function parseOperand(p: OperandParser): Arg | undefined {
  const node = term(p);
  if (node === undefined || p.peek().typ !== 'field') return node;
  const chainPos = p.peek().pos;
  const fields: string[] = [];
  while (p.peek().typ === 'field') fields.push(p.next().val.slice(1));
  switch (node.type) {
    case 'field':
      return { type: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
    case 'variable':
      return { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
    case 'bool':
    case 'string':
    case 'number':
    case 'nil':
    case 'dot':
      p.errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
    default:
      return { type: 'chain', pos: chainPos, node, field: fields };
  }
}
