// The text helpers of kubectl explain's template (pkg/explain/v2 funcs.go): `wrap`, which is
// github.com/mitchellh/go-wordwrap v1.0.1 WrapString behind kubectl's word-wrap writer, and
// `indent`. Widths count runes, as the Go code does.

const NBSP = '\u00a0';
const UNICODE_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/** unicode.IsSpace for one rune. */
export const isGoSpace = (ch: string): boolean => UNICODE_SPACE.test(ch);

interface WrapState {
  out: string;
  current: number;
  word: string;
  wordLen: number;
  space: string;
  spaceLen: number;
}

function flushWord(s: WrapState): void {
  s.current += s.spaceLen + s.wordLen;
  s.out += s.space + s.word;
  s.space = '';
  s.spaceLen = 0;
  s.word = '';
  s.wordLen = 0;
}

function onNewline(s: WrapState, lim: number): void {
  if (s.word === '') {
    if (s.current + s.spaceLen <= lim) s.out += s.space;
    s.space = '';
    s.spaceLen = 0;
  } else {
    flushWord(s);
  }
  s.out += '\n';
  s.current = 0;
}

/** wordwrap.WrapString(s, lim): breaks at white space only; long words overflow. */
export function wrapString(text: string, lim: number): string {
  const s: WrapState = { out: '', current: 0, word: '', wordLen: 0, space: '', spaceLen: 0 };
  for (const ch of text) {
    if (ch === '\n') {
      onNewline(s, lim);
    } else if (isGoSpace(ch) && ch !== NBSP) {
      if (s.space === '' || s.word !== '') flushWord(s);
      s.space += ch;
      s.spaceLen++;
    } else {
      s.word += ch;
      s.wordLen++;
      if (s.current + s.wordLen + s.spaceLen > lim && s.wordLen < lim) {
        s.out += '\n';
        s.current = 0;
        s.space = '';
        s.spaceLen = 0;
      }
    }
  }
  if (s.word === '') {
    if (s.current + s.spaceLen <= lim) s.out += s.space;
  } else {
    s.out += s.space + s.word;
  }
  return s.out;
}

/** The template's `indent`: the pad before the text and after every newline in it. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(Math.max(0, amount));
  return pad + text.split('\n').join(`\n${pad}`);
}
