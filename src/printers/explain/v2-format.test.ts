// The v2 printer's Formatter: the cases of kubectl pkg/explain formatter_test.go (v0.32.4).
import { describe, expect, it } from 'vitest';
import { Formatter } from './v2-format.js';

const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Morbi at turpis faucibus, gravida dolor ut, fringilla velit.';

const BLOCKS = `
This is an
introductory paragraph
that should end
up on a continuous line.

Example:
Example text on its own line

List:
1.  Item with
 wrapping text
11.  Another
 item with wrapping text
* Bullet item
 with wrapping text
- Dash item
 with wrapping text

base64(
    code goes here
    and here
)`;

describe('Formatter', () => {
  it('indents lines, each Indent relative to its parent', () => {
    const sink = { text: '' };
    const f = new Formatter(sink, 0, 0);
    f.write('Lorem ipsum dolor sit amet, consectetur adipiscing elit.');
    f.indent(5).write('Morbi at turpis faucibus, gravida dolor ut, fringilla velit.');
    f.indent(2).write('Etiam maximus urna at tellus faucibus mattis.');
    expect(sink.text).toBe('Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n     Morbi at turpis faucibus, gravida dolor ut, fringilla velit.\n  Etiam maximus urna at tellus faucibus mattis.\n');
  });

  it('wraps, keeping long words, paragraphs, lists and code blocks', () => {
    const sink = { text: '' };
    const f = new Formatter(sink, 0, 50);
    f.writeWrapped(LOREM);
    f.indent(10).writeWrapped(LOREM);
    f.indent(20).writeWrapped("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ThisIsAVeryLongWordThatDoesn'tFitOnALineOnItsOwn. Morbi at turpis faucibus, gravida dolor ut, fringilla velit.");
    f.indent(4).writeWrapped(BLOCKS);
    expect(sink.text).toBe(`Lorem ipsum dolor sit amet, consectetur adipiscing
elit. Morbi at turpis faucibus, gravida dolor ut,
fringilla velit.
          Lorem ipsum dolor sit amet, consectetur
          adipiscing elit. Morbi at turpis
          faucibus, gravida dolor ut, fringilla
          velit.
                    Lorem ipsum dolor sit amet,
                    consectetur adipiscing elit.
                    ThisIsAVeryLongWordThatDoesn'tFitOnALineOnItsOwn.
                    Morbi at turpis faucibus,
                    gravida dolor ut, fringilla
                    velit.
    This is an introductory paragraph that should
    end up on a continuous line.

    Example:
    Example text on its own line

    List:
    1. Item with wrapping text
    11. Another item with wrapping text
    * Bullet item with wrapping text
    - Dash item with wrapping text

    base64(
        code goes here
        and here
    )
`);
  });

  it('does not wrap without a width', () => {
    const sink = { text: '' };
    new Formatter(sink, 0, 0).writeWrapped(`${LOREM} Etiam maximus urna at tellus faucibus mattis.`);
    expect(sink.text).toBe(`${LOREM} Etiam maximus urna at tellus faucibus mattis.\n`);
  });
});
