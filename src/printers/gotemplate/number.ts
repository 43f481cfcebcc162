// parse.newNumber: a number or character literal, with what it can be (int, float). Returns the
// error text when the literal is not a number Go would accept.
import type { NumberNode } from './nodes.js';
import { unquote } from './unquote.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(text, 0, 64). */
function parseGoInt(text: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!m) return undefined;
  let body = m[2]!;
  if (body.includes('_') && (/__|_$/.test(body) || /^[1-9]/.test(body) === false && /^0[xXoObB]?_?/.test(body) === false)) return undefined;
  body = body.replace(/_/g, '');
  let v: bigint;
  if (/^0[xXoObB]/.test(body)) v = BigInt(body.toLowerCase());
  else if (body.length > 1 && body.startsWith('0')) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  if (m[1] === '-') v = -v;
  return v >= INT64_MIN && v <= INT64_MAX ? v : undefined;
}

function parseGoFloat(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function charNode(text: string, pos: number): NumberNode | string {
  let r: string;
  try {
    r = unquote(text);
  } catch {
    const body = text.slice(1, -1);
    return !body.startsWith('\\') && [...body].length > 1 ? `malformed character constant: ${text}` : 'invalid syntax';
  }
  const cp = r.codePointAt(0)!;
  return { type: 'number', pos, text, isInt: true, isFloat: true, int: cp, float: cp, isChar: true };
}

export function parseNumber(text: string, isChar: boolean, pos: number): NumberNode | string {
  if (isChar) return charNode(text, pos);
  if (text.endsWith('i')) return `illegal number syntax: ${JSON.stringify(text)}`;
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isFloat: false, int: 0, float: 0, isChar: false };
  const i = parseGoInt(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int = Number(i);
    n.isFloat = true;
    n.float = Number(i);
    return n;
  }
  const f = parseGoFloat(text);
  if (f !== undefined) {
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
    n.isFloat = true;
    n.float = f;
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
      n.isInt = true;
      n.int = f;
    }
  }
  if (!n.isInt && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}
