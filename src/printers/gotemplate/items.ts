// The lexer's items (text/template/parse's item and itemType) and how the parser quotes them in
// its errors; the character classes of the template language.
import { goQuote } from '../jsonpath/index.js';

export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'declare' | 'assign' | 'EOF' | 'field' | 'identifier'
  | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space'
  | 'string' | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

export const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with']);
export const isKeyword = (t: ItemType): boolean => KEYWORDS.has(t) || t === 'dot';

/** item.String(): how the parser quotes a token in its errors. */
export function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  if ([...i.val].length > 10) return `${goQuote([...i.val].slice(0, 10).join(''))}...`;
  return goQuote(i.val);
}

export const LEFT = '{{';
export const RIGHT = '}}';
export const isSpace = (r: string | undefined): boolean => r === ' ' || r === '\t' || r === '\r' || r === '\n';
export const isAlphaNumeric = (r: string | undefined): boolean => r !== undefined && (r === '_' || /^[\p{L}\p{Nd}]$/u.test(r));
export const hasLeftTrim = (s: string, at: number): boolean => s[at] === '-' && isSpace(s[at + 1]);
export const hasRightTrim = (s: string, at: number): boolean => isSpace(s[at]) && s[at + 1] === '-';
export const trimRightLen = (s: string): number => s.length - s.replace(/[ \t\r\n]+$/, '').length;
export const trimLeftLen = (s: string): number => s.length - s.replace(/^[ \t\r\n]+/, '').length;

