// kubectl get's RelaxedJSONPathExpression (customcolumn.go), used by custom-columns and --sort-by
// (not by -o jsonpath): `name1.name2`, `.name1.name2`, `{name1.name2}` and `{.name1.name2}` all
// become `{.name1.name2}`. An empty expression stays empty.

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

export const RELAXED_PATH_ERROR = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

export class RelaxedPathError extends Error {
  constructor() {
    super(RELAXED_PATH_ERROR);
  }
}

/** Throws RelaxedPathError for anything else (e.g. `{.a}{.b}`). */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr === '') return expr;
  const m = JSON_REGEXP.exec(expr);
  if (!m) throw new RelaxedPathError();
  return `{.${m[1] || m[2]}}`;
}
