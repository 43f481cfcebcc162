// metav1.ParseToLabelSelector: apimachinery's label selector lexer and parser (with their error
// texts), then requirements sorted by key into matchLabels (=, ==) and matchExpressions (in,
// notin, exists, !exists); != and the numeric operators are refused.
import { labelKeyError, labelValueError } from './label-validation.js';

type Tok = 'ident' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<' | 'eos' | 'error';

interface Item {
  tok: Tok;
  lit: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS = new Set(['(', ')', ',', '!', '=', '==', '!=', '>', '<']);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function lexSymbol(s: string, start: number): [Item, number] {
  let last: Item | undefined;
  let i = start;
  let buf = '';
  while (i < s.length && SPECIAL.has(s[i]!)) {
    buf += s[i]!;
    if (SYMBOLS.has(buf)) last = { tok: buf as Tok, lit: buf };
    else if (last) break;
    i++;
  }
  return last ? [last, start + last.lit.length] : [{ tok: 'error', lit: `error expected: keyword found '${buf}'` }, i];
}

export function lex(s: string): Item[] {
  const out: Item[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && isSpace(s[i]!)) i++;
    if (i >= s.length) return [...out, { tok: 'eos', lit: '' }];
    if (SPECIAL.has(s[i]!)) {
      const [item, next] = lexSymbol(s, i);
      out.push(item);
      i = next;
      continue;
    }
    const start = i;
    while (i < s.length && !isSpace(s[i]!) && !SPECIAL.has(s[i]!)) i++;
    const word = s.slice(start, i);
    out.push({ tok: word === 'in' || word === 'notin' ? word : 'ident', lit: word });
  }
}

export interface Requirement {
  key: string;
  op: string;
  values: string[];
}

class Parser {
  private pos = 0;

  constructor(private readonly items: Item[]) {}

  /** In value context `in` and `notin` are identifiers. */
  peek(values = true): Item {
    const it = this.items[Math.min(this.pos, this.items.length - 1)]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'ident', lit: it.lit } : it;
  }

  next(values = true): Item {
    const it = this.peek(values);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek();
      if (tok === 'eos') return reqs;
      if (tok !== 'ident' && tok !== '!') throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (err) {
        throw new Error(`unable to parse requirement: ${(err as Error).message}`);
      }
      const t = this.next();
      if (t.tok === 'eos') return reqs;
      if (t.tok !== ',') throw new Error(`found '${t.lit}', expected: ',' or 'end of string'`);
      const t2 = this.peek();
      if (t2.tok !== 'ident' && t2.tok !== '!') throw new Error(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  requirement(): Requirement {
    let t = this.next();
    let op = '';
    if (t.tok === '!') {
      op = '!';
      t = this.next();
    }
    if (t.tok !== 'ident') throw new Error(`found '${t.lit}', expected: identifier`);
    const keyErr = labelKeyError(t.lit, '<nil>');
    if (keyErr) throw new Error(keyErr);
    const after = this.peek().tok;
    if (after === 'eos' || after === ',') return newRequirement(t.lit, op === '!' ? '!' : 'exists', []);
    if (op === '!') return newRequirement(t.lit, '!', []);
    const o = this.next(false);
    if (!['in', 'notin', '=', '==', '!=', '>', '<'].includes(o.tok)) throw new Error(`found '${o.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = o.tok === 'in' || o.tok === 'notin' ? this.valueSet() : this.exactValue();
    return newRequirement(t.lit, o.tok === '>' ? 'gt' : o.tok === '<' ? 'lt' : o.tok, values);
  }

  valueSet(): string[] {
    const open = this.next();
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.peek();
    if (tok === ')') {
      this.next();
      return [''];
    }
    if (tok !== 'ident' && tok !== ',') throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    const set = this.identifiers();
    if (this.next().tok !== ')') throw new Error(`found '${lit}', expected: ')'`);
    return set;
  }

  identifiers(): string[] {
    const set = new Set<string>();
    for (;;) {
      const t = this.next();
      if (t.tok === 'ident') {
        set.add(t.lit);
        const t2 = this.peek();
        if (t2.tok === ')') return [...set].sort();
        if (t2.tok !== ',') throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (t.tok === ',') {
        if (set.size === 0) set.add('');
        const t2 = this.peek();
        if (t2.tok === ')') return [...set.add('')].sort();
        if (t2.tok === ',') {
          this.next();
          set.add('');
        }
      } else {
        throw new Error(`found '${t.lit}', expected: ',', or identifier`);
      }
    }
  }

  exactValue(): string[] {
    const { tok } = this.peek();
    if (tok === 'eos' || tok === ',') return [''];
    const t = this.next();
    if (t.tok === 'ident') return [t.lit];
    throw new Error(`found '${t.lit}', expected: identifier`);
  }
}

function newRequirement(key: string, op: string, values: string[]): Requirement {
  const errs = values.map((v, i) => labelValueError(key, v, `values[${i}]`)).filter((e): e is string => e !== undefined);
  if (errs.length === 1) throw new Error(errs[0]);
  if (errs.length > 1) throw new Error(`[${errs.join(', ')}]`);
  return { key, op, values };
}

const OPERATORS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function parseToLabelSelector(selector: string): LabelSelector {
  let reqs: Requirement[];
  try {
    reqs = new Parser(lex(selector)).parse();
  } catch (err) {
    throw new Error(`couldn't parse the selector string ${JSON.stringify(selector)}: ${(err as Error).message}`);
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const r of reqs) {
    if (r.op === '=' || r.op === '==') matchLabels[r.key] = r.values[0] ?? '';
    else if (r.op === 'gt' || r.op === 'lt') throw new Error(`${JSON.stringify(r.op)} isn't supported in label selectors`);
    else if (OPERATORS[r.op] === undefined) throw new Error(`${JSON.stringify(r.op)} is not a valid label selector operator`);
    else matchExpressions.push({ key: r.key, operator: OPERATORS[r.op]!, ...(r.values.length > 0 ? { values: r.values } : {}) });
  }
  return { matchLabels, matchExpressions };
}

/** labels.Parse: the requirements sorted by key; throws the parser's own error text. */
export function parseLabels(selector: string): Requirement[] {
  return new Parser(lex(selector)).parse().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const OP_TEXT: Record<string, string> = { '=': '=', '==': '==', '!=': '!=', gt: '>', lt: '<' };

/** Selector.String(): what a parsed selector is sent as. */
export function labelsString(reqs: Requirement[]): string {
  return reqs.map((r) => {
    if (r.op === 'exists') return r.key;
    if (r.op === '!') return `!${r.key}`;
    if (r.op === 'in' || r.op === 'notin') return `${r.key} ${r.op} (${r.values.join(',')})`;
    return `${r.key}${OP_TEXT[r.op] ?? r.op}${r.values[0] ?? ''}`;
  }).join(',');
}
