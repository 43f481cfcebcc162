// The template's `wrap` and `indent`: the cases of github.com/mitchellh/go-wordwrap v1.0.1's own
// test table (wordwrap_test.go), and the padding rule of kubectl's `indent` template function.
import { describe, expect, it } from 'vitest';
import { indent, wrapString } from './wordwrap.js';

const WRAP: [string, string, number, string][] = [
  ['a simple word passes through', 'foo', 4, 'foo'],
  ['a long word is not broken', 'foobarbaz', 4, 'foobarbaz'],
  ['lines break at white space', 'foo bar baz', 4, 'foo\nbar\nbaz'],
  ['even around long words', 'foo bars bazzes', 4, 'foo\nbars\nbazzes'],
  ['a word running past the width wraps', 'fo sop', 4, 'fo\nsop'],
  ['no break at a non-breaking space', 'foo bar\u00a0baz', 10, 'foo\nbar\u00a0baz'],
  ['trailing space that fits stays', 'foo\nb\t r\n baz', 4, 'foo\nb\t r\n baz'],
  ['trailing space that does not fit goes', 'foo    \nb   ar   ', 4, 'foo\nb\nar'],
  ['a final newline stays', 'foo bar baz\n', 4, 'foo\nbar\nbaz\n'],
  ['explicit breaks stay', '\nfoo bar\n\n\nbaz\n', 4, '\nfoo\nbar\n\n\nbaz\n'],
  ['a complete example', ' This is a list: \n\n\t* foo\n\t* bar\n\n\n\t* baz  \nBAM    ', 6, ' This\nis a\nlist: \n\n\t* foo\n\t* bar\n\n\n\t* baz\nBAM'],
  ['widths count runes', '\u2584 '.repeat(4), 4, `\u2584 \u2584\n${'\u2584 '.repeat(2)}`],
];

describe('wrapString (go-wordwrap)', () => {
  for (const [name, input, lim, want] of WRAP) {
    it(name, () => expect(wrapString(input, lim)).toBe(want));
  }
});

describe('indent', () => {
  it.each([
    [4, 'a\nb\n', '    a\n    b\n    '],
    [2, 'x', '  x'],
    [0, 'x\ny', 'x\ny'],
  ])('indent %i %j', (n, text, want) => expect(indent(n, text)).toBe(want));
});
