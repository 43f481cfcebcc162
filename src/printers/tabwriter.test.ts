import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter.js';

const HELP = { minwidth: 1, tabwidth: 8, padding: 1, padchar: '\t' };
const URFAVE = { minwidth: 1, tabwidth: 8, padding: 2, padchar: ' ' };

describe('tabwrite (Go text/tabwriter)', () => {
  it.each([
    ['pads with tabs to the next tab stop', '\ta\tx\n\tlonger-name\ty\n', HELP, '\ta\t\tx\n\tlonger-name\ty\n'],
    ['keeps lines without cells as block separators', 'A:\n\tx\ty\nB:\n\tlong-long-long\tz\n', HELP, 'A:\n\tx\ty\nB:\n\tlong-long-long\tz\n'],
    ['pads with spaces', 'a\tx\nbbb\ty\n', URFAVE, 'a    x\nbbb  y\n'],
    ['does not align the text after the last tab', 'a\tone\tlast\n', HELP, 'a\tone\tlast\n'],
  ])('%s', (_name, input, o, want) => {
    expect(tabwrite(input, o)).toBe(want);
  });
});
