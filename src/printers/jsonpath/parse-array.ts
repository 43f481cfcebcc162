// The inside of `[…]` (parser.go parseArray): `*` is `:`; a comma makes a union of sub-actions
// (each `[part]`, spaces trimmed); `'key'` is the field `.key` (so `['a.b']` is two fields, as
// upstream); otherwise a Python-like slice `start:end:step`, where a bare index `i` means `i:i+1`.

import { JsonPathParseError } from './errors.js';
import type { ListNode, Node, SliceParam } from './nodes.js';

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;

export type SubParser = (text: string) => ListNode;

/** strconv.Atoi (64-bit); undefined when not a number or out of range. */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > 2n ** 63n - 1n || n < -(2n ** 63n) ? undefined : Number(n);
}

function sliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const m = SLICE.exec(text);
  if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
  const params: [SliceParam, SliceParam, SliceParam] = [0, 1, 2].map(() => ({ value: 0, known: false, derived: false })) as [SliceParam, SliceParam, SliceParam];
  for (let i = 0; i < 3; i++) {
    let v = m[i + 1] ?? '';
    const p = params[i]!;
    if (v === '') {
      if (i === 1) Object.assign(p, { known: true, value: params[0].value + 1, derived: true });
      continue;
    }
    if (i > 0) v = v.slice(1);
    if (i > 0 && v === '') continue;
    const n = atoi(v);
    if (n === undefined) throw new JsonPathParseError(`array index ${v} is not a number`);
    Object.assign(p, { known: true, value: n });
  }
  return params;
}

/** The nodes `[text]` stands for. */
export function parseArrayText(inside: string, sub: SubParser): Node[] {
  const text = inside === '*' ? ':' : inside;
  const parts = text.split(',');
  if (parts.length > 1) return [{ type: 'union', nodes: parts.map((part) => sub(`[${part.replace(/^ +| +$/g, '')}]`)) }];
  const key = DICT_KEY.exec(text);
  if (key) return sub(`.${key[1]}`).nodes;
  return [{ type: 'array', params: sliceParams(text) }];
}
