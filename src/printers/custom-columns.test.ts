// -o custom-columns / custom-columns-file against the real kubectl v1.32.4: each case is
// `kubectl get configmaps <args>` against a loopback mock API server listing OBJECTS (kubectl
// v1.32.4; the files of custom-columns-file are FILES). The last cases replay
// /work/shared/reference/kubectl/mock-server.jsonl (get-pods-custom-columns*) on the seed pods.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tabwrite } from '../cli/shared/tabwriter.js';
import { CustomColumnsError, customColumnsLines, parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from './custom-columns.js';

interface Outcome {
  stdout: string;
  stderr: string;
  exit: number;
}

const OBJECTS: unknown[] = 
[{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "alpha", "namespace": "default", "labels": {"app": "web", "tier": "fe"}}, "data": {"k": "line1\nline2", "esc": "a\u001b[31mred\rx"}, "extra": {"num": 1000000, "f": 0.5, "big": 1e+21, "arr": [1, "two", null, {"a": "b"}], "emptyArr": [], "emptyMap": {}, "nul": null, "yes": true, "ts": "2024-01-01T00:00:00Z"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "beta-long-name", "namespace": "default"}, "extra": {"num": 5, "arr": []}}];

const FILES: Record<string, string> = {"cols.txt": "NAME   X\n.metadata.name   {.extra.num}\n", "cols1.txt": "NAME   X\n", "cols2.txt": "NAME   X\n.a\n", "cols3.txt": "", "cols4.txt": "A\tB\r\nmetadata.name\t.extra.arr[*]\r\n"};

/** What `kubectl get <list> -o <format> [--no-headers]` prints for a list of objects. */
function get(args: string[], objects: unknown[]): Outcome {
  const [format, ...flags] = args as [string, ...string[]];
  let stdout = '';
  try {
    const columns = format.startsWith('custom-columns-file=')
      ? parseCustomColumnsFile(FILES[format.slice('custom-columns-file='.length)]!)
      : parseCustomColumns(format.slice('custom-columns='.length));
    const noHeaders = flags.includes('--no-headers') && !format.startsWith('custom-columns-file=');
    stdout = printCustomColumns(columns, objects, { noHeaders, tabwrite });
    return { stdout, stderr: '', exit: 0 };
  } catch (err) {
    if (!(err instanceof CustomColumnsError)) throw err;
    return { stdout: err.output, stderr: `error: ${err.message}\n`, exit: 1 };
  }
}

describe('kubectl get configmaps -o custom-columns', () => {
  it.each<[string[], Outcome]>([
  [["custom-columns=NAME:.metadata.name,LABELS:.metadata.labels,APP:metadata.labels.app,NUM:{.extra.num},F:{extra.f},BIG:.extra.big,ARR:.extra.arr,EA:.extra.emptyArr,EM:.extra.emptyMap,NUL:.extra.nul,YES:.extra.yes"], { stdout: "NAME             LABELS                 APP      NUM       F        BIG      ARR                      EA       EM       NUL      YES\nalpha            map[app:web tier:fe]   web      1000000   0.5      1e+21    [1 two <nil> map[a:b]]   []       map[]    <nil>    true\nbeta-long-name   <none>                 <none>   5         <none>   <none>   []                       <none>   <none>   <none>   <none>\n", stderr: "", exit: 0 }],
  [["custom-columns=NAME:.metadata.name,K:.data.k,ESC:.data.esc,LBL:.metadata.labels.*,EMPTY:,ARR:.extra.arr[*]"], { stdout: "NAME             K     ESC   LBL   EMPTY   ARR\nalpha            line1\nline2            a^[[31mred\\rx   web,fe   <none>   1,two,<nil>,map[a:b]\nbeta-long-name   <none>          <none>   <none>   <none>   <none>\n", stderr: "", exit: 0 }],
  [["custom-columns=A:.metadata.name", "--no-headers"], { stdout: "alpha\nbeta-long-name\n", stderr: "", exit: 0 }],
  [["custom-columns=A:.metadata.name,B:.a["], { stdout: "A     B\n", stderr: "error: unterminated array\n", exit: 1 }],
  [["custom-columns=A:.metadata.name,B:.extra.arr[2]"], { stdout: "A       B\nalpha   <nil>\n", stderr: "error: array index out of bounds: index 2, length 0\n", exit: 1 }],
  [["custom-columns="], { stdout: "", stderr: "error: custom-columns format specified but no custom columns given\n", exit: 1 }],
  [["custom-columns=A:{.a}{.b}"], { stdout: "", stderr: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n", exit: 1 }],
  [["custom-columns=NAME"], { stdout: "", stderr: "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n", exit: 1 }],
  [["custom-columns=:.metadata.name,B:"], { stdout: "                 B\nalpha            <none>\nbeta-long-name   <none>\n", stderr: "", exit: 0 }],
  [["custom-columns=NAME:.metadata.name,A:.extra.arr[0,1],X:a:b"], { stdout: "", stderr: "error: unexpected custom-columns spec: 1], expected <header>:<json-path-expr>\n", exit: 1 }],
  [["custom-columns-file=cols.txt", "--no-headers"], { stdout: "NAME             X\nalpha            1000000\nbeta-long-name   5\n", stderr: "", exit: 0 }],
  [["custom-columns-file=cols1.txt"], { stdout: "", stderr: "error: invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.\n", exit: 1 }],
  [["custom-columns-file=cols2.txt"], { stdout: "", stderr: "error: number of headers (2) and field specifications (1) don't match\n", exit: 1 }],
  [["custom-columns-file=cols3.txt"], { stdout: "", stderr: "error: invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.\n", exit: 1 }],
  [["custom-columns-file=cols4.txt"], { stdout: "A                B\nalpha            1,two,<nil>,map[a:b]\nbeta-long-name   <none>\n", stderr: "", exit: 0 }],  ])('%j', (args, want) => {
    expect(get(args, OBJECTS)).toEqual(want);
  });
});

describe('mock-server transcripts (get-pods-custom-columns*)', () => {
  const seed = JSON.parse(readFileSync('/work/shared/reference/kubectl/mock-server-seed.json', 'utf8')) as { objects: { resource: string; object: { metadata: { name: string; namespace?: string } } }[] };
  const pods = seed.objects
    .filter((o) => o.resource === 'pods' && o.object.metadata.namespace === 'default')
    .map((o) => o.object)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const records = readFileSync('/work/shared/reference/kubectl/mock-server.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; steps: { argv: string[]; stdout: string; stderr: string; exit: number }[] })
    .filter((r) => r.id.startsWith('get-pods-custom-columns'));
  it.each(records.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    const step = r.steps[0]!;
    const format = step.argv.find((a) => a.startsWith('custom-columns') || a.startsWith('-o=custom-columns'))!.replace(/^-o=/, '');
    expect(get([format], pods)).toEqual({ stdout: step.stdout, stderr: step.stderr, exit: step.exit });
  });
});

describe('custom-columns parsing', () => {
  it('relaxes every path and keeps empty headers and specs', () => {
    expect(parseCustomColumns('NAME:metadata.name,:{.a},B:,C:{b.c}')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: '', fieldSpec: '{.a}' },
      { header: 'B', fieldSpec: '' },
      { header: 'C', fieldSpec: '{.b.c}' },
    ]);
  });

  it('reads a file of header words and spec words (CRLF, tabs)', () => {
    expect(parseCustomColumnsFile('NAME  IMAGE\r\n.metadata.name\t{.spec.containers[*].image}\r\nignored\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IMAGE', fieldSpec: '{.spec.containers[*].image}' },
    ]);
  });

  it('writes tab-separated lines for the tabwriter', () => {
    const cols = parseCustomColumns('N:.metadata.name,L:.metadata.labels');
    expect(customColumnsLines(cols, [{ metadata: { name: 'a', labels: { x: '1' } } }, { metadata: { name: 'b' } }])).toBe('N\tL\na\tmap[x:1]\nb\t<none>\n');
  });
});
