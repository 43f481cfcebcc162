// The printer of the typed-builder commands (set, rollout, expose, autoscale, drain): one
// PrintFlags.ToPrinter instance — the `<kind>/<name> <operation>` line, -o name, or the object
// as its Go struct encodes it (-o json keeps struct order), YAML documents after the first one
// this instance wrote preceded by `---`.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { printerFor, type Printer } from '../create/options.js';
import { renderObject } from '../create/print.js';
import { printable } from '../create/submit.js';
import type { DryRun } from '../mutate/dry-run.js';

export class TypedPrinter {
  private printed = 0;

  constructor(readonly printer: Printer) {}

  /** PrintFlags with the operation and dry-run suffix; throws for a bad -o. */
  static of(ctx: Ctx, dryRun: DryRun, operation: string): TypedPrinter {
    return new TypedPrinter(printerFor(ctx, dryRun, operation));
  }

  /** -o was given (PrintFlags.OutputFlagSpecified). */
  get hasOutput(): boolean {
    return this.printer.format !== undefined;
  }

  text(obj: Obj): string {
    return renderObject(this.printer, printable(obj), this.printed++);
  }

  print(ctx: Ctx, obj: Obj): void {
    ctx.io.stdout.write(this.text(obj));
  }

  /** An object kubectl holds unstructured (keys printed sorted). */
  printUnstructured(ctx: Ctx, obj: Obj): void {
    ctx.io.stdout.write(renderObject(this.printer, { obj, typed: false }, this.printed++));
  }
}
