// Label selectors in their string form (`app=web,tier!=db,env in (a,b),!legacy`) as apimachinery
// parses and matches them.
import { badRequest } from '../errors.js';

type Op = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Op;
  values: string[];
}

export type LabelSelector = Requirement[];

const TOKEN = /\s*(!=|==|=|!|,|\(|\)|>|<|[^\s!=,()<>]+)\s*/y;

function tokenize(s: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const m = TOKEN.exec(s);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: string[], private readonly src: string) {}
  peek(): string | undefined {
    return this.toks[this.i];
  }
  next(): string | undefined {
    return this.toks[this.i++];
  }
  fail(msg: string): never {
    throw badRequest(`unable to parse requirement: ${msg}`);
  }
  values(): string[] {
    if (this.next() !== '(') this.fail(`found '${this.toks[this.i - 1] ?? ''}', expected: '('`);
    const vals: string[] = [];
    for (;;) {
      const t = this.next();
      if (t === undefined) this.fail(`found '', expected: ',', ')' or identifier`);
      if (t === ')') return vals;
      if (t === ',') continue;
      vals.push(t);
    }
  }
  requirement(): Requirement {
    let t = this.next();
    if (t === '!') {
      t = this.next();
      if (!t) this.fail(`found '', expected: identifier`);
      return { key: t, op: '!', values: [] };
    }
    if (!t || t === ',') this.fail(`found '${t ?? ''}', expected: !, identifier, or 'end of string'`);
    const key = t;
    const op = this.peek();
    if (op === undefined || op === ',') return { key, op: 'exists', values: [] };
    this.next();
    if (op === 'in' || op === 'notin') return { key, op, values: this.values() };
    if (op === '>' || op === '<') return { key, op: op === '>' ? 'gt' : 'lt', values: [this.next() ?? ''] };
    if (op !== '=' && op !== '==' && op !== '!=') this.fail(`found '${op}', expected: in, notin, =, ==, !=, gt, lt`);
    const v = this.peek();
    const value = v === undefined || v === ',' ? '' : (this.next() as string);
    return { key, op, values: [value] };
  }
  parse(): LabelSelector {
    const reqs: Requirement[] = [];
    while (this.peek() !== undefined) {
      reqs.push(this.requirement());
      const sep = this.next();
      if (sep !== undefined && sep !== ',') this.fail(`found '${sep}', expected: ',' or 'end of string'`);
    }
    void this.src;
    return reqs;
  }
}

export function parseLabelSelector(s: string | undefined): LabelSelector {
  if (!s || !s.trim()) return [];
  return new Parser(tokenize(s), s).parse();
}

function matchOne(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v!);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has) return false;
      const n = Number(v);
      const want = Number(r.values[0]);
      return r.op === 'gt' ? n > want : n < want;
    }
  }
}

export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  return sel.every((r) => matchOne(r, labels ?? {}));
}

/** metav1.LabelSelector (matchLabels + matchExpressions) as requirements. */
export function fromLabelSelector(ls: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): LabelSelector {
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(ls?.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [v] });
  for (const e of ls?.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator as 'In'];
    if (op) reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return reqs;
}
