// RelaxedJSONPathExpression (kubectl pkg/cmd/get/customcolumn.go), table-driven. The error text
// and the accepted forms were checked with kubectl v1.32.4 (`get -o custom-columns=A:{.a}{.b}`,
// `get --sort-by='{.a}{.b}' -o name`; see custom-columns.test.ts and sort-by.test.ts).
import { describe, expect, it } from 'vitest';
import { RELAXED_PATH_ERROR, relaxedJsonPathExpression } from './relaxed.js';

describe('relaxedJsonPathExpression', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['', ''],
    ['{.}', '{..}'],
    ['.', '{..}'],
    ['..name', '{..name}'],
    ['.items[*].a', '{.items[*].a}'],
    ['{.a[?(@.b=="c")].d}', '{.a[?(@.b=="c")].d}'],
    ['range .x', '{.range .x}'],
  ])('%j → %j', (expr, want) => {
    expect(relaxedJsonPathExpression(expr)).toBe(want);
  });

  it.each(['{.a}{.b}', '{.a', '.a}', '{}', 'a{b', '{{.a}}'])('%j is rejected', (expr) => {
    expect(() => relaxedJsonPathExpression(expr)).toThrow(RELAXED_PATH_ERROR);
  });
});
