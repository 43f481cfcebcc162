// The -o jsonpath printer against the real kubectl v1.32.4. Fixtures in testdata/ were captured
// with an empty KUBECONFIG (each file's `command` says how):
//   label-local.json: kubectl label --local -f fx.yaml x=y -o <o> [--allow-missing-template-keys=false]
//     (an unstructured object: whole numbers are int64)
//   typed.json: kubectl create deployment web --image=nginx --port=8080 --replicas=1000000 --dry-run=client -o <o>
//     (a typed object round-tripped through encoding/json: every number is float64)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonPathPrinter, JsonPathPrinterError, type JsonPathFormat } from './printer.js';

interface Case {
  o: string;
  stdout: string;
  stderr: string;
  exit: number;
  allowMissingKeys?: boolean;
}

interface Fixture {
  command: string;
  input: unknown;
  /** The object dump of execution errors, written `{{DUMP}}` in the cases' stderr. */
  dump: string;
  cases: Case[];
}

function load(name: string): Fixture {
  const fx = JSON.parse(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as Fixture;
  for (const c of fx.cases) c.stderr = c.stderr.replace('{{DUMP}}', fx.dump);
  return fx;
}

/** What kubectl prints for `-o <o>` on one object: stdout, or `error: …` on stderr and exit 1. */
function run(c: Case, input: unknown, typed: boolean): Omit<Case, 'o' | 'allowMissingKeys'> {
  const eq = c.o.indexOf('=');
  const format = (eq < 0 ? c.o : c.o.slice(0, eq)) as JsonPathFormat;
  const template = eq < 0 ? '' : c.o.slice(eq + 1);
  try {
    const printer = new JsonPathPrinter(template, format, { allowMissingKeys: c.allowMissingKeys ?? true, typed });
    return { stdout: printer.print(input), stderr: '', exit: 0 };
  } catch (err) {
    if (!(err instanceof JsonPathPrinterError)) throw err;
    const msg = `error: ${err.message}`;
    return { stdout: '', stderr: msg.endsWith('\n') ? msg : `${msg}\n`, exit: 1 };
  }
}

describe.each([
  ['label-local.json', false],
  ['typed.json', true],
])('kubectl -o jsonpath (%s)', (file, typed) => {
  const fx = load(file);
  it.each(fx.cases.map((c) => [`${c.o}${c.allowMissingKeys === false ? ' (strict)' : ''}`, c] as const))('%s', (_name, c) => {
    expect(run(c, fx.input, typed)).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
  });
});

describe('JsonPathPrinter state', () => {
  it('reuses one engine per printer: after a range, the next object starts after the range node (as upstream)', () => {
    const p = new JsonPathPrinter('{range .items[*]}{.n}{end}{"\\n"}', 'jsonpath');
    expect(p.print({ items: [{ n: 'a' }, { n: 'b' }] })).toBe('ab\n');
    expect(() => p.print({ items: [{ n: 'c' }] })).toThrow(/not in range, nothing to end/);
  });
});
