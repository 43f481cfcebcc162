// kubectl label and annotate cases, in namespace mt-lab: add, overwrite, remove, the messages
// (`labeled`, `unlabeled`, `not labeled`, `annotated`), selectors, --list, --resource-version,
// dry runs, output formats, argument errors, and --local on files (offline).
import type { MutateCase } from './mutate-harness.js';

export const LAB_NS = 'mt-lab';
const n = (...args: string[]): string[] => ['-n', LAB_NS, ...args];

export const LAB_SEED: string[][] = [
  n('create', 'configmap', 'l1'),
  n('label', 'configmap', 'l1', 'a=b'),
  n('annotate', 'configmap', 'l1', 'note=hi'),
  n('create', 'configmap', 'l2'),
];

const restore: string[][] = [n('delete', 'configmap', 'l1', 'l2', '--ignore-not-found'), ...LAB_SEED];

export const LAB_FILES: Record<string, string> = {
  'lab-l1.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l1\n  namespace: mt-lab\n',
  'lab-pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.25\n',
  'lab-list.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- kind: Secret\n  apiVersion: v1\n  metadata:\n    name: s\n',
  'lab-ns.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: x\n',
  'lab-dir/one.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n',
  'lab-dir/sub/two.yml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: two\n',
  'lab-dir/notes.txt': 'not a manifest\n',
  'lab-bad.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a",}}',
  'lab-tab.yaml': 'kind: ConfigMap\nmetadata:\n\tname: a\n',
  'lab-sep.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n---x\n',
  'lab-scalar.yaml': 'hello\n',
};

export const LABEL_CASES: MutateCase[] = [
  { args: n('label', 'cm', 'l1', 'x=1'), undo: restore },
  { args: n('label', 'cm', 'l1', 'a=c') },
  { args: n('label', 'cm', 'l1', 'a=c', '--overwrite'), undo: restore },
  { args: n('label', 'cm', 'l1', 'a=b') },
  { args: n('label', 'cm', 'l1', 'a-'), undo: restore },
  { args: n('label', 'cm', 'l1', 'nope-'), undo: restore },
  { args: n('label', 'cm', 'l1', 'l2', 'x=1'), undo: restore },
  { args: n('label', 'cm', '--all', 'x=1'), undo: [n('label', 'cm', '--all', 'x-')] },
  { args: n('label', 'cm', '-l', 'a=b', 'x=1'), undo: restore },
  { args: n('label', 'cm', '-l', 'a=none', 'x=1') },
  { args: n('label', 'cm', 'l1', 'x=1', '--dry-run=server') },
  { args: n('label', 'cm', 'l1', 'x=1', '--dry-run=client') },
  { args: n('label', 'cm', 'l1', 'x=1', '--dry-run=client', '-o', 'yaml') },
  { args: n('label', 'cm', 'l1', 'x=1', '-o', 'name'), undo: restore },
  { args: n('label', 'cm', 'l1', 'x=1', '-o', 'json'), undo: restore },
  { args: n('label', 'cm', 'l1', '--list') },
  // (--list with several labels prints them in Go's random map order: one label only)
  { args: n('label', 'cm', 'l2', 'x=1', '--list') },
  { args: n('label', 'cm', 'l1', 'l2', '--list') },
  { args: n('label', 'cm', 'l1', 'x=1', '--resource-version=1') },
  { args: n('label', 'cm', 'l1', 'l2', 'x=1', '--resource-version=1') },
  { args: n('label', 'cm', 'l1') },
  { args: n('label', 'x=1') },
  { args: n('label', 'cm', 'l1', 'x=1', 'y') },
  { args: n('label', 'cm', 'l1', 'a=b=c') },
  { args: n('label', 'cm', 'l1', 'a=b', 'a-') },
  { args: n('label', 'cm', 'l1', 'a=b c') },
  { args: n('label', 'cm', 'l1', 'x') },
  { args: n('label', 'cm', '--all', '-l', 'a=b', 'x=1') },
  { args: n('label', 'cm', 'l1', 'x=1', '-o', 'wibble'), undo: restore },
  { args: n('label', 'cm', 'l1', 'x=1', '--list', '-o', 'name') },
  { args: n('label', 'cm', 'nope', 'x=1') },
  { args: n('label', 'cm', 'l1', 'nope', 'x=1'), undo: restore },
  { args: n('label', 'cm', 'l1', 'x=1', '-A') },
  { args: n('label', 'ns', LAB_NS, 'x=1', '--dry-run=client') },
  { args: n('label', '--local', 'cm', 'l1', 'x=1') },
  // -f on the server: the object is read again, then patched
  { args: ['label', '-f', 'lab-l1.yaml', 'x=1'], undo: restore },
  { args: ['label', '-f', 'lab-l1.yaml', 'a=z'] },
  { args: ['label', '-f', 'lab-pod.yaml', 'x=1'] },
  // --local: files only, nothing sent
  { args: ['label', '--local', '-f', 'lab-pod.yaml', 'env=prod', '-o', 'yaml'] },
  { args: ['label', '--local', '-f', 'lab-list.yaml', 'a=b', '-o', 'yaml'] },
  { args: ['label', '--local', '-f', 'lab-list.yaml', 'a=b', '--list'] },
  { args: ['label', '--local', '-f', 'lab-dir', 'a=b'] },
  { args: ['label', '--local', '-f', 'lab-dir', '-R', 'a=b', '--list'] },
  { args: ['label', '--local', '-f', 'lab-ns.yaml', 'a=b', '-n', 'y'] },
  { args: ['label', '--local', '-f', 'lab-ns.yaml', 'a=b', '--resource-version=3', '-o', 'json'] },
  { args: ['label', '--local', '-f', 'lab-ns.yaml', 'a=b', '--dry-run=server'] },
  { args: ['label', '--local', '-f', '-', 'a=b'], stdin: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: in\n' },
  { args: ['label', '--local', '-f', 'lab-bad.json', 'a=b'] },
  { args: ['label', '--local', '-f', 'lab-tab.yaml', 'a=b'] },
  { args: ['label', '--local', '-f', 'lab-sep.yaml', 'a=b'] },
  { args: ['label', '--local', '-f', 'lab-scalar.yaml', 'a=b'] },
  { args: ['label', '--local', '-f', 'lab-dir/notes.txt', 'a=b'] },
  { args: ['label', '--local', '-f', 'lab-d*/one.yaml', 'a=b', '-o', 'name'] },
  { args: ['label', '--local', '-f', 'zz*', 'a=b'] },
  { args: ['label', '--local', 'a=b'] },
];

export const ANNOTATE_CASES: MutateCase[] = [
  { args: n('annotate', 'cm', 'l1', 'x=1'), undo: restore },
  { args: n('annotate', 'cm', 'l1', 'note=other') },
  { args: n('annotate', 'cm', 'l1', 'note=other', '--overwrite'), undo: restore },
  { args: n('annotate', 'cm', 'l1', 'note=hi') },
  { args: n('annotate', 'cm', 'l1', 'note-'), undo: restore },
  { args: n('annotate', 'cm', 'l1', 'kubernetes.io/change-cause=why'), undo: restore },
  { args: n('annotate', 'cm', 'l1', 'l2', 'x=1', '-o', 'yaml'), undo: restore },
  { args: n('annotate', 'cm', '--all', 'x=1', '--dry-run=server') },
  { args: n('annotate', 'cm', 'l1', 'x=1', '--dry-run=client', '-o', 'name') },
  { args: n('annotate', 'cm', 'l1', '--list') },
  { args: n('annotate', 'cm', 'l1', 'l2', '--list') },
  { args: n('annotate', 'cm', 'l1', 'x=1', '--resource-version=1') },
  { args: n('annotate', 'cm', 'l1') },
  { args: n('annotate', 'cm', 'l1', 'x=1', 'y') },
  { args: n('annotate', 'cm', 'l1', 'x=1', 'x-') },
  { args: n('annotate', 'cm', 'l1', '=x') },
  { args: n('annotate', 'cm', 'l1', 'x=1', '-o', 'wibble') },
  { args: n('annotate', 'cm', 'nope', 'x=1') },
  { args: ['annotate', '-f', 'lab-l1.yaml', 'x=1'], undo: restore },
  { args: ['annotate', '--local', '-f', 'lab-pod.yaml', 'description=hello', '-o', 'yaml'] },
  { args: ['annotate', '--local', '-f', 'lab-list.yaml', 'a=b', '-o', 'yaml'] },
  { args: ['annotate', '--local', 'cm', 'l1', 'x=1'] },
  { args: ['annotate', '--local', '-f', 'lab-ns.yaml', 'x=1', '--dry-run=server'] },
];
