// The -o jsonpath cases of /work/shared/reference/kubectl/mock-server.jsonl (real kubectl
// v1.32.4 against a mock server), replayed on the objects of mock-server-seed.json: `get <type>`
// prints one List (apiVersion v1, kind List, metadata.resourceVersion ""), `get <type> <name>`
// the object itself. The mock listed objects by name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonPathPrinter, JsonPathPrinterError } from './printer.js';

const REF = '/work/shared/reference/kubectl';

interface Obj {
  metadata: { name: string; namespace?: string };
}

const seed = JSON.parse(readFileSync(`${REF}/mock-server-seed.json`, 'utf8')) as { objects: { resource: string; object: Obj }[] };

function listed(resource: string): Obj[] {
  return seed.objects
    .filter((o) => o.resource === resource && (o.object.metadata.namespace ?? 'default') === 'default')
    .map((o) => o.object)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

const records = readFileSync(`${REF}/mock-server.jsonl`, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; steps: { argv: string[]; stdout: string; stderr: string; exit: number }[] })
  .filter((r) => r.steps.length === 1 && r.steps[0]!.argv.some((a) => a.startsWith('-o=jsonpath') || a.startsWith('jsonpath')));

describe('mock-server transcripts: kubectl get -o jsonpath', () => {
  it('has cases', () => expect(records.length).toBeGreaterThan(3));
  it.each(records.map((r) => [r.id, r.steps[0]!] as const))('%s', (_id, step) => {
    const args = step.argv.slice(2).filter((a) => a !== '-o');
    const template = args.find((a) => a.startsWith('jsonpath='))!.slice('jsonpath='.length);
    const [type, name] = args.filter((a) => !a.startsWith('jsonpath='));
    const resource = { pods: 'pods', pod: 'pods', nodes: 'nodes' }[type!]!;
    const items = listed(resource);
    const obj = name ? items.find((o) => o.metadata.name === name) : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
    let out: { stdout: string; stderr: string; exit: number };
    try {
      out = { stdout: new JsonPathPrinter(template, 'jsonpath').print(obj), stderr: '', exit: 0 };
    } catch (err) {
      if (!(err instanceof JsonPathPrinterError)) throw err;
      out = { stdout: '', stderr: `error: ${err.message}\n`, exit: 1 };
    }
    expect(out).toEqual({ stdout: step.stdout, stderr: step.stderr, exit: step.exit });
  });
});
