import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, goJsonQuote, toKubectlJson } from './json.js';
import { goldenOutputs } from './yaml/transcripts.js';

// The same captures as yaml.test.ts (src/printers/yaml/capture-fixtures.mjs), -o json side:
//   kubectl annotate --local --overwrite -f in.json foo=bar -o json
interface Fixture {
  name: string;
  value: unknown;
  json: { stdout: string; exit: number };
}

const fixtures = JSON.parse(readFileSync(new URL('./yaml/kubectl-fixtures.json', import.meta.url), 'utf8')) as Fixture[];

const wrap = (value: unknown): unknown => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { annotations: { foo: 'bar' }, name: 'x' }, v: value,
});

describe('toKubectlJson matches kubectl -o json', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    expect(f.json.exit).toBe(0);
    expect(toKubectlJson(wrap(f.value))).toBe(f.json.stdout);
  });
});

// Every `-o json` output in the golden transcripts: objects kubectl generates keep their field
// order; objects it got from the server come out with sorted keys.
const golden = goldenOutputs('json');

describe('toKubectlJson reprints the golden transcripts', () => {
  it('finds the transcripts', () => {
    expect(golden.length).toBeGreaterThan(8);
  });
  it.each(golden.map((g) => [g.id, g] as const))('%s', (_id, g) => {
    const value: unknown = JSON.parse(g.stdout);
    expect(toKubectlJson(value, { sortKeys: false })).toBe(g.stdout);
    if (g.file === 'mock-server.jsonl') expect(toKubectlJson(value)).toBe(g.stdout);
  });
});

describe('goJsonQuote', () => {
  it.each([
    ['plain', 'abc', '"abc"'],
    ['html', '<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['short escapes', '\b\f\n\r\t\\', '"\\b\\f\\n\\r\\t\\\\"'],
    ['other controls lower-case hex', '\u0000\u001b\u001F', '"\\u0000\\u001b\\u001f"'],
    ['DEL and C1 raw', '\u007f\u0085', '"\u007f\u0085"'],
    ['line and paragraph separators', '\u2028\u2029', '"\\u2028\\u2029"'],
    ['non-ASCII raw', 'é😀\ufeff', '"é😀\ufeff"'],
    ['lone surrogate', 'a\ud800b', '"a\ufffdb"'],
  ])('%s', (_name, input, want) => {
    expect(goJsonQuote(input)).toBe(want);
  });
});

describe('compareCodePoints (Go string order)', () => {
  it('orders by code point, astral after the end of the BMP', () => {
    expect(['😀', '\uffee', 'b', 'B', 'a', 'ab', ''].sort(compareCodePoints)).toEqual(['', 'B', 'a', 'ab', 'b', '\uffee', '😀']);
  });
});

describe('toKubectlJson shapes', () => {
  it.each([
    ['empty object and list stay on one line', { a: {}, b: [] }, '{\n    "a": {},\n    "b": []\n}\n'],
    ['scalars', [null, true, 1.5, 1e21, 1e-7, -0, 12n], '[\n    null,\n    true,\n    1.5,\n    1e+21,\n    1e-7,\n    0,\n    12\n]\n'],
    ['undefined fields dropped, undefined items null', { a: undefined, b: [undefined] }, '{\n    "b": [\n        null\n    ]\n}\n'],
    ['keys sorted by default', { b: 1, a: 2 }, '{\n    "a": 2,\n    "b": 1\n}\n'],
  ])('%s', (_name, value, want) => {
    expect(toKubectlJson(value)).toBe(want);
  });
  it('keeps field order when asked', () => {
    expect(toKubectlJson({ kind: 'Pod', apiVersion: 'v1' }, { sortKeys: false })).toBe('{\n    "kind": "Pod",\n    "apiVersion": "v1"\n}\n');
  });
});
