// kubectl pkg/explain formatter.go: lines written with an indentation, descriptions re-flowed to
// 80 columns (minus the indentation, counted in bytes) keeping code blocks, blank lines after the
// first line, list items and lines after a colon on lines of their own.
import { isGoSpace } from './wordwrap.js';

const BULLET = /^([0-9]+\.?|-|\*)[\t\n\f\r ]/;

/** strings.Fields. */
function fields(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (isGoSpace(ch)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** strings.TrimSpace. */
function trimSpace(s: string): string {
  const runes = [...s];
  let a = 0;
  let b = runes.length;
  while (a < b && isGoSpace(runes[a]!)) a++;
  while (b > a && isGoSpace(runes[b - 1]!)) b--;
  return runes.slice(a, b).join('');
}

/** shouldStartNewLine: after a colon, before code, blank lines and list items. */
function startsNewLine(lastWord: string, line: string): boolean {
  if (lastWord.endsWith(':') || line.startsWith('    ')) return true;
  const trimmed = trimSpace(line);
  return trimmed === '' || BULLET.test(trimmed);
}

/** formatter.go wrapString: the description as lines of at most `wrap` bytes (long words overflow). */
export function wrapLines(text: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = '';
  const flush = (): void => {
    if (words.length === 0) return;
    lastWord = '';
    wrapped.push(words.join(' '));
    words = [];
  };
  const add = (word: string): boolean => {
    const next = [...words, word];
    if (Buffer.byteLength(next.join(' ')) <= wrap || words.length === 0) {
      words = next;
      return true;
    }
    return false;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush();
      wrapped.push(line);
      continue;
    }
    if (wrapped.length > 0 && trimSpace(line) === '') {
      flush();
      wrapped.push('');
      continue;
    }
    if (startsNewLine(lastWord, line)) flush();
    for (const word of fields(line)) {
      lastWord = word;
      if (!add(word)) {
        flush();
        add(word);
      }
    }
  }
  flush();
  return wrapped;
}

/** Formatter: writes into a shared buffer at its indentation level. */
export class Formatter {
  constructor(
    private readonly sink: { text: string },
    readonly level = 0,
    readonly wrap = 80,
  ) {}

  indent(n: number): Formatter {
    return new Formatter(this.sink, this.level + n, this.wrap);
  }

  /** Write: the line indented, or a bare newline for an empty one. */
  write(line: string): void {
    this.sink.text += line === '' ? '\n' : `${' '.repeat(this.level)}${line}\n`;
  }

  writeWrapped(text: string): void {
    if (this.wrap === 0) return this.write(text);
    for (const line of wrapLines(text, this.wrap - this.level)) this.write(line);
  }
}
