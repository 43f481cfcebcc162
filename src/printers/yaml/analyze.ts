// go-yaml v2's scalar analysis (emitterc.go yaml_emitter_analyze_scalar), block context only:
// which styles a scalar's text allows.
import { isBlank, isBlankOrEnd, isBreak, isPrintable, isSpace } from './chars.js';

export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const FIRST_INDICATORS = new Set('#,[]{}&*!|>\'"%@`');

function startsWithDocumentMarker(v: readonly number[]): boolean {
  const [a, b, c] = v;
  return a === b && b === c && (a === 0x2d || a === 0x2e);
}

/** Would a plain scalar be misread in block context (an indicator where it matters)? */
function hasBlockIndicator(v: readonly number[]): boolean {
  if (startsWithDocumentMarker(v)) return true;
  let precededByWhitespace = true;
  for (let i = 0; i < v.length; i++) {
    const ch = String.fromCodePoint(v[i] ?? 0);
    const followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
    if (i === 0) {
      if (FIRST_INDICATORS.has(ch)) return true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) return true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      return true;
    }
    precededByWhitespace = isBlankOrEnd(v[i]);
  }
  return false;
}

interface Spacing {
  lineBreaks: boolean;
  special: boolean;
  edgeBlank: boolean;
  trailingSpace: boolean;
  breakSpace: boolean;
  spaceBreak: boolean;
}

function spacing(v: readonly number[]): Spacing {
  const s: Spacing = { lineBreaks: false, special: false, edgeBlank: false, trailingSpace: false, breakSpace: false, spaceBreak: false };
  let previousSpace = false;
  let previousBreak = false;
  v.forEach((cp, i) => {
    const edge = i === 0 || i === v.length - 1;
    if (!isPrintable(cp)) s.special = true;
    if (isSpace(cp)) {
      if (edge) s.edgeBlank = true;
      if (i === v.length - 1) s.trailingSpace = true;
      if (previousBreak) s.breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(cp)) {
      s.lineBreaks = true;
      if (edge) s.edgeBlank = true;
      if (previousSpace) s.spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else {
      [previousSpace, previousBreak] = [false, false];
    }
  });
  return s;
}

export function analyzeScalar(v: readonly number[]): ScalarAnalysis {
  if (v.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const s = spacing(v);
  const noPlain = s.edgeBlank || s.breakSpace || s.spaceBreak || s.special || s.lineBreaks;
  return {
    multiline: s.lineBreaks,
    blockPlainAllowed: !noPlain && !hasBlockIndicator(v),
    singleQuotedAllowed: !(s.breakSpace || s.spaceBreak || s.special),
    blockAllowed: !(s.trailingSpace || s.spaceBreak || s.special),
  };
}
