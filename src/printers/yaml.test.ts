import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KubectlYamlError, toKubectlYaml } from './yaml.js';
import { goldenOutputs } from './yaml/transcripts.js';

// kubectl-fixtures.json holds what the real kubectl v1.32.4 printed for each value, captured by
// src/printers/yaml/capture-fixtures.mjs (see the command there):
//   kubectl annotate --local --overwrite -f in.json foo=bar -o yaml
// with in.json = {"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"foo":"bar"},"name":"x"},"v":VALUE}.
interface Captured {
  stdout: string;
  stderr: string;
  exit: number;
}
interface Fixture {
  name: string;
  value: unknown;
  yaml: Captured;
  json: Captured;
}

const fixtures = JSON.parse(readFileSync(new URL('./yaml/kubectl-fixtures.json', import.meta.url), 'utf8')) as Fixture[];

function wrap(value: unknown): unknown {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { annotations: { foo: 'bar' }, name: 'x' }, v: value };
}

function printed(value: unknown): Captured {
  try {
    return { stdout: toKubectlYaml(wrap(value)), stderr: '', exit: 0 };
  } catch (e) {
    if (!(e instanceof KubectlYamlError)) throw e;
    return { stdout: '', stderr: `error: ${e.message}\n`, exit: 1 };
  }
}

describe('toKubectlYaml matches kubectl -o yaml', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    expect(printed(f.value)).toEqual(f.yaml);
  });
});

// Every `-o yaml` output in the golden transcripts (client-generated objects and server objects),
// read back and printed again. A `---` line separates the objects kubectl prints one after another.
const golden = goldenOutputs('yaml');

describe('toKubectlYaml reprints the golden transcripts', () => {
  it('finds the transcripts', () => {
    expect(golden.length).toBeGreaterThan(50);
  });
  it.each(golden.map((g) => [g.id, g] as const))('%s', (_id, g) => {
    const docs = g.stdout.split(/^---\n/m).filter((d) => d !== '');
    for (const doc of docs) expect(toKubectlYaml(parse(doc))).toBe(doc);
  });
});

// A readable digest of kubectl-fixtures.json (each output below was printed by kubectl there).
describe('toKubectlYaml headline rules', () => {
  it.each([
    ['YAML 1.1 booleans and numbers quoted', { a: 'yes', b: 'n', c: '0o17', d: '1_000', e: '2024-01-01' }, 'a: "yes"\nb: "n"\nc: "0o17"\nd: "1_000"\ne: "2024-01-01"\n'],
    ['keys that read as other types quoted', { n: 1, on: 2, '': 3 }, '"": 3\n"n": 1\n"on": 2\n'],
    ['indicators single-quoted', { a: '* * * * *', b: 'a: b', c: "it's" }, "a: '* * * * *'\nb: 'a: b'\nc: it's\n"],
    ['literal blocks with chomping and indentation hints', { a: 'x\ny', b: 'x\n', c: 'x\n\n', d: ' x\n' }, 'a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\nd: |2\n   x\n'],
    ['emoji, controls and tabs escaped', { a: 'a😀', b: '\u0001', c: 'a\tb' }, 'a: "a\\U0001F600"\nb: "\\x01"\nc: "a\\tb"\n'],
    ['numbers through float64 and go-yaml', { a: 1234567.5, b: 0.00001, c: 1e21, d: 1e6, e: 1e20 }, 'a: 1.2345675e+06\nb: 1e-05\nc: 1e+21\nd: 1000000\ne: 1e+20\n'],
    ['natural key order, non-letters first', { a10: 1, a9: 2, B: 3, _x: 4 }, '_x: 4\nB: 3\na9: 2\na10: 1\n'],
    ['sequences at the key indentation, empty collections inline', { a: [{ b: [] }, {}, [1]] }, 'a:\n- b: []\n- {}\n- - 1\n'],
    ['plain text folds at the first space past column 80', { k: `${'x'.repeat(77)} b c` }, `k: ${'x'.repeat(77)} b\n  c\n`],
  ])('%s', (_name, value, want) => {
    expect(toKubectlYaml(value)).toBe(want);
  });

  it('throws what kubectl prints after "error: "', () => {
    expect(() => toKubectlYaml({ a: '\u007f' })).toThrow(new KubectlYamlError('yaml: control characters are not allowed'));
  });
});
