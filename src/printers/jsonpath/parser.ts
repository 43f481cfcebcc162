// client-go util/jsonpath parser.go: text runs and `{…}` actions. Inside an action: `.field`
// (backslash escapes the next rune, so `app\.kubernetes\.io/name` is one field), `..` recursive
// descent, `[…]` (indexes, slices, unions, 'quoted' keys), `[?(…)]` filters, quoted strings,
// numbers, `true`/`false`, identifiers (`range`, `end`); ' ', `@` and `$` are skipped.
// Error texts are upstream's, word for word.

import { newList, type ListNode, type Node } from './nodes.js';
import { JsonPathParseError } from './errors.js';
import { atoi, parseArrayText } from './parse-array.js';
import { EOF, formatRuneU, isAlphaNumeric, isDigit, isEndOfLine, isTerminator, Scanner, type Rune } from './scanner.js';
import { unquoteExtend } from './unquote.js';

const FILTER_SPLIT = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;

/** Parses a whole template: the root ListNode holds text nodes and one ListNode per action. */
export function parseJsonPathTree(text: string): ListNode {
  return new Parser(text).parse();
}

/** parseAction: `{text}` parsed on its own; its first action. */
export function parseSubAction(text: string): ListNode {
  return new Parser(`{${text}}`).parse().nodes[0] as ListNode;
}

class Parser {
  private readonly s: Scanner;
  private readonly root = newList();

  constructor(input: string) {
    this.s = new Scanner(input);
  }

  parse(): ListNode {
    const s = this.s;
    for (;;) {
      if (s.rest().startsWith('{')) {
        if (s.pos > s.start) this.root.nodes.push({ type: 'text', text: s.consumeText() });
        s.pos += 1;
        s.consumeText();
        const action = newList();
        this.root.nodes.push(action);
        this.parseInsideAction(action);
        continue;
      }
      if (s.next() === EOF) break;
    }
    if (s.pos > s.start) this.root.nodes.push({ type: 'text', text: s.consumeText() });
    return this.root;
  }

  /** Reads one action up to and including its `}`. */
  private parseInsideAction(cur: ListNode): void {
    const s = this.s;
    for (;;) {
      const rest = s.rest();
      if (rest.startsWith('}')) {
        s.pos += 1;
        s.consumeText();
        return;
      }
      if (rest.startsWith('[?(')) this.parseFilter(cur);
      else if (rest.startsWith('..')) this.parseRecursive(cur);
      else this.parseToken(cur, s.next());
    }
  }

  private parseToken(cur: ListNode, r: Rune): void {
    const s = this.s;
    if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') s.consumeText();
    else if (r === '[') this.parseArray(cur);
    else if (r === '"' || r === "'") this.parseQuote(cur, r);
    else if (r === '.') this.parseField(cur);
    else if (r === '+' || r === '-' || isDigit(r)) {
      s.backup();
      this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      s.backup();
      this.parseIdentifier(cur);
    } else throw new JsonPathParseError(`unrecognized character in action: ${formatRuneU(r)}`);
  }

  private parseIdentifier(cur: ListNode): void {
    const s = this.s;
    while (!isTerminator(s.next()));
    s.backup();
    const value = s.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const s = this.s;
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    s.pos += 2;
    s.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(s.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const s = this.s;
    const first = s.peek();
    if (first === '+' || first === '-') s.next();
    for (;;) {
      const r = s.next();
      if (r !== '.' && !isDigit(r)) break;
    }
    s.backup();
    const value = s.consumeText();
    const int = atoi(value);
    if (int !== undefined) cur.nodes.push({ type: 'int', value: int });
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value) && Number.isFinite(Number(value))) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  /** After `[`: reads to the first `]` and hands the inside to parseArrayText. */
  private parseArray(cur: ListNode): void {
    const s = this.s;
    for (;;) {
      const r = s.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    const text = s.consumeText();
    cur.nodes.push(...parseArrayText(text.slice(1, -1), parseSubAction));
  }

  private parseFilter(cur: ListNode): void {
    const s = this.s;
    s.pos += 3;
    s.consumeText();
    let begin = false;
    let end = false;
    let pair: Rune = EOF;
    for (;;) {
      const r = s.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (s.beforeLast() !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (s.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    cur.nodes.push(filterNode(s.consumeText().slice(0, -2)));
  }

  private parseQuote(cur: ListNode, end: string): void {
    const s = this.s;
    for (;;) {
      const r = s.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated quoted string');
      if (r === end && s.beforeLast() !== '\\') break;
    }
    const value = s.consumeText();
    try {
      cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
    } catch (err) {
      throw new JsonPathParseError(`unquote string ${value} error ${(err as Error).message}`);
    }
  }

  private parseField(cur: ListNode): void {
    const s = this.s;
    s.consumeText();
    while (this.advance());
    const value = s.consumeText();
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replaceAll('\\', '') });
  }

  /** Scans one rune of a field name; a backslash takes the next rune with it. */
  private advance(): boolean {
    const r = this.s.next();
    if (r === '\\') this.s.next();
    else if (isTerminator(r)) {
      this.s.backup();
      return false;
    }
    return true;
  }
}

function filterNode(text: string): Node {
  const m = FILTER_SPLIT.exec(text);
  if (!m) return { type: 'filter', left: parseSubAction(text), right: newList(), operator: 'exists' };
  return { type: 'filter', left: parseSubAction(m[1]!), right: parseSubAction(m[3]!), operator: m[2]! };
}
