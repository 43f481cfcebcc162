import { describe, expect, it } from 'vitest';
import { memIo } from '../../../test/kubedojo/support.js';
import { Context } from './context.js';
import { plainProgress } from './progress.js';

describe('progress', () => {
  it('prints plain lines, kind-style, when stderr is not a terminal', async () => {
    let out = '';
    const progress = plainProgress({ write: (s: string) => { out += s; } });
    expect(await progress.step('Writing things', async () => 42)).toBe(42);
    await expect(progress.step('Starting things', async () => { throw new Error('no'); })).rejects.toThrow('no');
    expect(out).toBe(' • Writing things ...\n ✓ Writing things\n • Starting things ...\n ✗ Starting things\n');
  });

  it.each([
    [{}, false],
    [{ isTTY: true, columns: 80 }, true],
    [{ isTTY: true }, true],
    [{ isTTY: true, columns: 0 }, false],
  ])('draws the spinner only on a terminal with a width: %j', (tty, want) => {
    const io = memIo({});
    Object.assign(io.stderr, tty);
    expect(new Context(io).interactive).toBe(want);
  });
});
