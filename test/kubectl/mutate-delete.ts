// kubectl delete cases, all in namespace mt-del: by name, TYPE/NAME, selectors, --all, files and
// stdin, dry runs, grace periods, --force, --cascade, waiting on a finalizer, the flag errors.
import type { MutateCase } from './mutate-harness.js';

export const DEL_NS = 'mt-del';
const n = (...args: string[]): string[] => ['-n', DEL_NS, ...args];

/** Objects every delete case may count on. */
export const DEL_SEED: string[][] = [
  n('create', 'configmap', 'c1', '--from-literal=a=b'),
  n('label', 'configmap', 'c1', 'app=x'),
  n('create', 'configmap', 'c2'),
];

const restore: string[][] = [
  n('delete', 'configmap', 'c1', 'c2', '--ignore-not-found'),
  ...DEL_SEED,
];

/** Manifests written to the test home (the commands' working directory). */
export const DEL_FILES: Record<string, string> = {
  'del-cms.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: c1
  namespace: mt-del
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c2
  namespace: mt-del
`,
  'del-list.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c2' } }, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'nope-secret' } }] }),
  'del-bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  b: c: d\n',
  'del-nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: c1\n',
  'del-foo.yaml': 'apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: f\n',
};

const pod = (name: string): string[] => n('run', name, '--image=nginx');
const finalized: string[][] = [
  n('create', 'configmap', 'fz'),
  n('patch', 'configmap', 'fz', '--type=merge', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}'),
];
const release: string[][] = [n('patch', 'configmap', 'fz', '--type=merge', '-p', '{"metadata":{"finalizers":null}}')];

export const DELETE_CASES: MutateCase[] = [
  // by name and TYPE/NAME; missing ones
  { args: n('delete', 'configmap', 'c1'), undo: restore },
  { args: n('delete', 'cm', 'c1', 'c2'), undo: restore },
  { args: n('delete', 'cm/c1', 'configmap/c2', '-o', 'name'), undo: restore },
  { args: n('delete', 'cm,secret', 'c1'), undo: restore },
  { args: n('delete', 'cm', 'nope') },
  { args: n('delete', 'cm', 'nope', 'nope2') },
  { args: n('delete', 'cm', 'c2', 'nope'), undo: restore },
  { args: n('delete', 'cm', 'nope', '--ignore-not-found') },
  { args: ['-n', 'mt-nowhere', 'delete', 'cm', 'x'] },
  // selectors and --all: "No resources found" goes to stdout
  { args: n('delete', 'cm', '-l', 'app=x'), undo: restore },
  { args: n('delete', 'cm', '-l', 'app=none') },
  { args: n('delete', 'cm', '--field-selector', 'metadata.name=c2', '--dry-run=server'), undo: restore },
  { args: n('delete', 'secrets', '--all') },
  { args: n('delete', 'cm', '--all', '--dry-run=client') },
  { args: n('delete', 'cm', '--all', '-l', 'app=x') },
  // dry runs (the undo also covers an apiserver that ignores dryRun in a DELETE body)
  { args: n('delete', 'cm', 'c1', '--dry-run=server'), undo: restore },
  { args: n('delete', 'cm', 'c1', '--dry-run=client', '-o', 'name') },
  { args: n('delete', 'cm', 'c1', '--dry-run') },
  { args: n('delete', 'cm', 'c1', '--dry-run=bogus') },
  // grace periods, --now, --force, --cascade
  { args: n('delete', 'pod', 'p1', '--force', '--grace-period=0'), setup: [pod('p1')] },
  { args: n('delete', 'pod', 'p1', '--now'), setup: [pod('p1')] },
  { args: n('delete', 'pod', 'p1', '--grace-period=0'), setup: [pod('p1')] },
  { args: n('delete', 'cm', 'c1', '--cascade=orphan'), undo: restore },
  { args: n('delete', 'cm', 'c1', '--cascade=foreground', '--dry-run=server'), undo: restore },
  { args: n('delete', 'cm', 'c1', '--cascade=false', '--dry-run=client') },
  { args: n('delete', 'cm', 'c1', '--cascade=foo') },
  { args: n('delete', 'cm', 'c1', '--now', '--grace-period=3') },
  { args: n('delete', 'cm', 'c1', '--force', '--grace-period=3') },
  { args: n('delete', 'cm', 'c1', '-o', 'yaml') },
  // waiting for finalizers
  { args: n('delete', 'cm', 'fz', '--timeout=2s'), setup: finalized, undo: release },
  { args: n('delete', 'cm', 'fz', '--wait=false'), setup: finalized, undo: release },
  // argument errors
  { args: ['delete'] },
  { args: n('delete', 'cm') },
  { args: n('delete', 'all', 'c1') },
  { args: n('delete', 'pod/x', 'svc') },
  { args: n('delete', 'cm', 'c1', '-A') },
  { args: n('delete', 'nosuchtype', 'x') },
  // a cluster-scoped type with an explicit namespace warns
  { args: n('delete', 'clusterrole', 'nope-cr') },
  // files, lists, stdin
  { args: ['delete', '-f', 'del-cms.yaml'], undo: restore },
  { args: ['delete', '-f', 'del-cms.yaml', '--dry-run=client'] },
  { args: n('delete', '-f', 'del-list.json'), undo: restore },
  { args: ['-n', 'default', 'delete', '-f', 'del-cms.yaml'] },
  { args: ['delete', '-f', 'del-nope.yaml'] },
  { args: ['delete', '-f', 'del-bad.yaml'] },
  { args: ['delete', '-f', 'del-nokind.yaml'] },
  { args: ['delete', '-f', 'del-foo.yaml'] },
  { args: ['delete', '-f', 'del-cms.yaml', 'cm', 'c1'] },
  { args: n('delete', '-f', '-', '--dry-run=server'), stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n', undo: restore },
  { args: ['delete', '-f', '-', '-f', '-'] },
  // --raw: the server's answer as it is
  { args: ['delete', '--raw', `/api/v1/namespaces/${DEL_NS}/configmaps/c2`], undo: restore },
  { args: ['delete', '--raw', `/api/v1/namespaces/${DEL_NS}/configmaps/nope`] },
  { args: ['delete', '--raw', 'foo'] },
  // a namespace: deleted, then waited for until the namespace controller is done
  { args: ['delete', 'namespace', 'mt-del-tmp'], setup: [['create', 'namespace', 'mt-del-tmp']] },
  // --interactive reads the answer from stdin
  { args: n('delete', 'cm', 'c1', '-i'), stdin: 'y\n', undo: restore },
  { args: n('delete', 'cm', 'c1', 'c2', '-i'), stdin: 'n\n' },
];
