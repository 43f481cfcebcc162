// --sort-by against the real kubectl v1.32.4. jsonpath/testdata/sort-by.json holds what
// `kubectl get pods --sort-by=<expr>` (Table path) and `kubectl get pods --sort-by=<expr> -o name`
// (generic path) printed against a loopback mock API server listing the given pods in order;
// the order of equal keys is Go's unstable sort.Sort, which goSort must reproduce.
// The last cases replay /work/shared/reference/kubectl/mock-server.jsonl (get-pods-sort-by-*).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SortError, UnsortableError, isLess, sortObjects, sortTableRows } from './sort-by.js';
import { data, type Val } from './jsonpath/values.js';

interface Outcome {
  order: string[];
  stderr: string;
  exit: number;
}

interface Fixture {
  command: string;
  sets: { pods: Pod[]; cases: { sortBy: string; table: Outcome; generic: Outcome }[] }[];
}

interface Pod {
  metadata: { name: string };
}

const fx = JSON.parse(readFileSync(new URL('./jsonpath/testdata/sort-by.json', import.meta.url), 'utf8')) as Fixture;

const klog = (err: UnsortableError): string => `F0101 00:00:00.000000   12345 ${err.source}] ${err.message}\n`;

/** `kubectl get pods -o name --sort-by`: the list's items are sorted, errors are returned. */
function generic(pods: Pod[], sortBy: string): Outcome {
  try {
    return { order: sortObjects(pods, sortBy).map((p) => p.metadata.name), stderr: '', exit: 0 };
  } catch (err) {
    if (err instanceof UnsortableError) return { order: [], stderr: klog(err), exit: 1 };
    if (err instanceof SortError) return { order: [], stderr: `error: ${err.message}\n`, exit: 1 };
    throw err;
  }
}

/** `kubectl get pods --sort-by`: the Table's rows are sorted; get drops a returned error. */
function table(pods: Pod[], sortBy: string): Outcome {
  try {
    return { order: sortTableRows(pods, sortBy, (p) => p).map((p) => p.metadata.name), stderr: '', exit: 0 };
  } catch (err) {
    if (err instanceof UnsortableError) return { order: [], stderr: klog(err), exit: 1 };
    if (err instanceof SortError) return { order: [], stderr: 'No resources found in default namespace.\n', exit: 0 };
    throw err;
  }
}

describe.each(fx.sets.map((set, ix) => [`${set.pods.length} pods (set ${ix})`, set] as const))('kubectl get --sort-by, %s', (_name, set) => {
  it.each(set.cases.map((c) => [c.sortBy, c] as const))('%s', (sortBy, c) => {
    expect(generic(set.pods, sortBy)).toEqual(c.generic);
    expect(table(set.pods, sortBy)).toEqual(c.table);
  });
});

describe('mock-server transcripts (get-pods-sort-by-*)', () => {
  const seed = JSON.parse(readFileSync('/work/shared/reference/kubectl/mock-server-seed.json', 'utf8')) as { objects: { resource: string; object: Pod & { metadata: { namespace?: string } } }[] };
  const rows = seed.objects
    .filter((o) => o.resource === 'pods' && o.object.metadata.namespace === 'default')
    .map((o) => o.object)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const transcript = readFileSync('/work/shared/reference/kubectl/mock-server.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; steps: { argv: string[]; stdout: string }[] })
    .filter((r) => r.id.startsWith('get-pods-sort-by-'));
  it.each(transcript.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    const step = r.steps[0]!;
    const sortBy = step.argv.find((a) => a.startsWith('--sort-by='))!.slice('--sort-by='.length);
    const names = step.stdout.split('\n').slice(1, -1).map((l) => l.split(' ')[0]);
    expect(sortTableRows(rows, sortBy, (p) => p).map((p) => p.metadata.name)).toEqual(names);
  });
});

describe('isLess (sorter.go)', () => {
  const v = (x: unknown): Val => data(x);
  it.each([
    [1, 2, true],
    [2, 1, false],
    [1.5, 2.5, true],
    ['b', 'a', false],
    ['500m', '1', true],
    ['2Gi', '1500Mi', false],
    ['10', '9', false],
    ['abc', '1', false],
    ['-', '1', true],
    [null, 'a', true],
    ['a', null, false],
    [null, null, false],
  ])('%j < %j is %s', (a, b, want) => {
    expect(isLess(v(a), v(b))).toBe(want);
  });

  it.each([
    [true, false, 'unsortable type: bool'],
    [{ a: 1 }, { a: 2 }, 'unsortable type: map[string]interface {}'],
    [[1], [2], 'unsortable type: []interface {}'],
    [1, 1.5, 'unsortable interface: interface'],
    ['1', 1, 'unsortable interface: interface'],
  ])('%j against %j: %s', (a, b, msg) => {
    expect(() => isLess(v(a), v(b))).toThrow(msg);
  });
});

describe('a path no object has', () => {
  it('is quoted as sorter.go quotes it (%q)', () => {
    // kubectl get pods -o name '--sort-by={.status.star"tTime}' (and a backslash) against pods
    const pods = [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }];
    expect(generic(pods, '{.status.star"tTime}').stderr).toBe('error: couldn\'t find any field with path "{.status.star\\"tTime}" in the list of objects\n');
    expect(generic(pods, '.spec.contain\\rs').stderr).toBe('error: couldn\'t find any field with path "{.spec.contain\\\\rs}" in the list of objects\n');
  });
});
