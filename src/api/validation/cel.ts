// The CEL compile check of an expression field, as upstream's validation runs it on write (admission
// plugin/cel CompileCELExpression, apiextensions' schema/cel Compile): an expression that does not
// compile against the variables its context declares is Invalid with `compilation failed:` and
// cel-go's issues (src/api/cel compileIssues). Skipped while CEL is not loaded: the registry loads it
// first for the kinds that have expressions (registry.ts compilesCel).
import type { FieldError } from '../types.js';
import { celLoaded, compileIssues } from '../cel/cel.js';
import { invalid, type Path } from './field.js';

export interface CelFieldOptions {
  /** The bad value printed (default: the expression). */
  value?: unknown;
  /** Before `compilation failed:` (a CRD rule's messageExpression says `messageExpression `). */
  prefix?: string;
}

export function celCompiles(expression: string, declared: readonly string[], fld: Path, o: CelFieldOptions = {}): FieldError[] {
  const issues = celLoaded() && expression.trim() ? compileIssues(expression, declared) : undefined;
  return issues === undefined ? [] : [invalid(fld, o.value ?? expression, `${o.prefix ?? ''}compilation failed: ${issues}`)];
}
