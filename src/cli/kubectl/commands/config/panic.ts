// A Go panic inside `config set/unset` (reflection on a type the code does not handle): Go prints
// `panic: <value>`, a blank line and the goroutine's stack, and exits 2. The stack is Go's own
// and not reproduced.
import type { Ctx } from '../../context.js';
import { GoPanic } from './navigation.js';

/** Runs fn; on a GoPanic writes the panic header and returns 2, else undefined. */
export function panicked(ctx: Ctx, fn: () => void): number | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (!(err instanceof GoPanic)) throw err;
    ctx.io.stderr.write(`panic: ${err.message}\n\ngoroutine 1 [running]:\n`);
    return 2;
  }
}
