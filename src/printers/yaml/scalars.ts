// go-yaml v2's scalar writers (emitterc.go): plain and quoted scalars fold at a space once the
// column has passed 80; literal blocks never fold.
import { BOM, isBreak, isPrintable, isSpace } from './chars.js';
import { BEST_INDENT, BEST_WIDTH, type Output } from './output.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

function writePlain(o: Output, text: string, v: readonly number[], allowBreaks: boolean): void {
  if (!o.whitespace) o.put(' ');
  if (!allowBreaks || o.column + v.length - 1 <= BEST_WIDTH) {
    // No space can be past the limit: nothing to fold.
    o.putText(text, v.length);
    o.whitespace = false;
    o.indention = false;
    return;
  }
  let spaces = false;
  v.forEach((cp, i) => {
    if (isSpace(cp)) {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && !isSpace(v[i + 1])) o.writeIndent();
      else o.putCodePoint(cp);
      spaces = true;
    } else {
      o.putCodePoint(cp);
      o.indention = false;
      spaces = false;
    }
  });
  o.whitespace = false;
  o.indention = false;
}

/** Line breaks inside a quoted scalar: a first LF is doubled, other breaks are copied. */
function writeQuotedBreak(o: Output, cp: number, breaks: boolean): void {
  if (!breaks && cp === 0x0a) o.putBreak();
  o.writeBreak(cp);
  o.indention = true;
}

function writeSingleQuoted(o: Output, v: readonly number[], allowBreaks: boolean): void {
  o.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  v.forEach((cp, i) => {
    if (isSpace(cp)) {
      const fold = allowBreaks && !spaces && o.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v[i + 1]);
      if (fold) o.writeIndent();
      else o.putCodePoint(cp);
      spaces = true;
    } else if (isBreak(cp)) {
      writeQuotedBreak(o, cp, breaks);
      breaks = true;
    } else {
      if (breaks) o.writeIndent();
      if (cp === 0x27) o.put("'");
      o.putCodePoint(cp);
      o.indention = false;
      spaces = false;
      breaks = false;
    }
  });
  o.writeIndicator("'", false, false, false);
  o.whitespace = false;
  o.indention = false;
}

const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'],
  [0x0d, 'r'], [0x1b, 'e'], [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'], [0x2028, 'L'], [0x2029, 'P'],
]);

function escape(cp: number): string {
  const short = SHORT_ESCAPES.get(cp);
  if (short !== undefined) return `\\${short}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writeDoubleQuoted(o: Output, v: readonly number[], allowBreaks: boolean): void {
  o.writeIndicator('"', true, false, false);
  // go-yaml's is_bom looks at the start of the value, not at the current character.
  const escapeAll = v[0] === BOM;
  let spaces = false;
  v.forEach((cp, i) => {
    if (escapeAll || !isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
      o.put(escape(cp));
      spaces = false;
    } else if (isSpace(cp)) {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
        o.writeIndent();
        if (isSpace(v[i + 1])) o.put('\\');
      } else {
        o.putCodePoint(cp);
      }
      spaces = true;
    } else {
      o.putCodePoint(cp);
      spaces = false;
    }
  });
  o.writeIndicator('"', false, false, false);
  o.whitespace = false;
  o.indention = false;
}

/** The indentation indicator (text starting with a space or break) and the chomping indicator:
 * '-' without a final break, none for exactly one, '+' for more (or a lone break). */
function blockHints(v: readonly number[]): string {
  const indent = isSpace(v[0]) || isBreak(v[0]) ? String(BEST_INDENT) : '';
  const n = v.length;
  if (n === 0 || !isBreak(v[n - 1])) return `${indent}-`;
  if (n === 1 || isBreak(v[n - 2])) return `${indent}+`;
  return indent;
}

function writeLiteral(o: Output, v: readonly number[]): void {
  o.writeIndicator('|', true, false, false);
  const hints = blockHints(v);
  if (hints !== '') o.writeIndicator(hints, false, false, false);
  o.putBreak();
  o.indention = true;
  o.whitespace = true;
  let breaks = true;
  for (const cp of v) {
    if (isBreak(cp)) {
      o.writeBreak(cp);
      o.indention = true;
      breaks = true;
    } else {
      if (breaks) o.writeIndent();
      o.putCodePoint(cp);
      o.indention = false;
      breaks = false;
    }
  }
}

/** A scalar's text, also as code points (lone surrogates already replaced). */
export interface ScalarText {
  text: string;
  value: readonly number[];
}

export function writeScalar(o: Output, { text, value: v }: ScalarText, style: ScalarStyle, allowBreaks: boolean): void {
  if (style === 'plain') writePlain(o, text, v, allowBreaks);
  else if (style === 'single') writeSingleQuoted(o, v, allowBreaks);
  else if (style === 'double') writeDoubleQuoted(o, v, allowBreaks);
  else writeLiteral(o, v);
}
