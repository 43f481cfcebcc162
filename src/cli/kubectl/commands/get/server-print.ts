// get's TablePrinter: with server-side printing on (--server-print, and an output that is not
// yaml, json* or custom-columns*) every print goes through it, and what is not a Table is logged
// at -v=2 before the real printer takes it.
import type { Ctx } from '../../context.js';

export function serverPrint(ctx: Ctx): boolean {
  if (ctx.value('server-print') === false) return false;
  const o = ctx.str('output');
  return !(o.includes('custom-columns') || o === 'yaml' || o.includes('json'));
}

export function logNonTable(ctx: Ctx): void {
  ctx.factory.klog.info(2, 'table_printer.go:45', 'Unable to decode server response into a Table. Falling back to hardcoded types: attempt to decode non-Table object');
}
