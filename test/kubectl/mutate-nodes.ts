// cordon, uncordon and taint cases on the test cluster's node02 (every change undone): the
// messages, `already …`, selectors, dry runs, taint arithmetic and every argument error.
import type { MutateCase } from './mutate-harness.js';

const N = 'node02';
const uncordon: string[][] = [['uncordon', N]];
const cordoned: string[][] = [['cordon', N]];
const tainted: string[][] = [['taint', 'node', N, 'dedicated=x:NoSchedule']];
const untaint: string[][] = [['taint', 'node', N, 'dedicated-']];
const labelled: string[][] = [['label', 'node', N, 'mt-role=edge']];
const unlabel: string[][] = [['label', 'node', N, 'mt-role-']];

export const CORDON_CASES: MutateCase[] = [
  { args: ['cordon', N], undo: uncordon },
  { args: ['cordon', N], setup: cordoned, undo: uncordon },
  { args: ['uncordon', N], setup: cordoned, undo: uncordon },
  { args: ['uncordon', N] },
  { args: ['cordon', `node/${N}`, '--dry-run=client'] },
  { args: ['cordon', N, '--dry-run=server'] },
  { args: ['uncordon', 'node01', `node/${N}`, '--dry-run=server'], setup: cordoned, undo: uncordon },
  { args: ['cordon', '-l', 'mt-role=edge'], setup: labelled, undo: [...uncordon, ...unlabel] },
  { args: ['cordon', '-l', 'mt-role=none'] },
  { args: ['cordon'] },
  { args: ['uncordon'] },
  { args: ['cordon', N, '-l', 'a=b'] },
  { args: ['cordon', 'nope', N] },
  { args: ['cordon', 'pod/x'] },
  { args: ['cordon', 'no/node01', 'pod/x', '--dry-run=client'] },
  { args: ['cordon', N, '--dry-run=foo'] },
];

export const TAINT_CASES: MutateCase[] = [
  { args: ['taint', 'node', N, 'dedicated=x:NoSchedule'], undo: untaint },
  { args: ['taint', 'nodes', N, 'dedicated=y:NoSchedule'], setup: tainted, undo: untaint },
  { args: ['taint', 'node', N, 'dedicated=y:NoSchedule', '--overwrite'], setup: tainted, undo: untaint },
  { args: ['taint', 'node', N, 'dedicated=x:NoExecute'], setup: tainted, undo: untaint },
  { args: ['taint', 'node', N, 'dedicated:NoSchedule-'], setup: tainted, undo: untaint },
  { args: ['taint', 'node', N, 'dedicated-'], setup: tainted, undo: untaint },
  { args: ['taint', 'node', N, 'dedicated:NoSchedule-'] },
  { args: ['taint', 'node', N, 'nope-', 'nope2:NoSchedule-'] },
  { args: ['taint', 'node', N, 'a=b:NoSchedule', '-o', 'name', '--dry-run=client'] },
  { args: ['taint', 'node', N, 'a=b:NoSchedule', '--dry-run=server'] },
  { args: ['taint', 'node', '--all', 'a=b:PreferNoSchedule', '--dry-run=client'] },
  { args: ['taint', 'node', '-l', 'mt-role=edge', 'a=b:NoSchedule', '--dry-run=server'], setup: labelled, undo: unlabel },
  { args: ['taint', 'node', '-l', 'mt-role=none', 'a=b:NoSchedule'] },
  { args: ['taint', 'node', 'nope', 'a=b:NoSchedule'] },
  { args: ['taint', 'node', N, 'a=b:Sometimes'] },
  { args: ['taint', 'node', N, 'a=b'] },
  { args: ['taint', 'node', N, 'a=b=c:NoSchedule'] },
  { args: ['taint', 'node', N, 'a/b/c:NoSchedule'] },
  { args: ['taint', 'node', N, ':NoSchedule'] },
  { args: ['taint', 'node', N, 'a:b:c'] },
  { args: ['taint', 'node', N, 'a=b:NoSchedule', 'a=c:NoSchedule'] },
  { args: ['taint', 'node', N, 'a=b:NoSchedule', 'a-'] },
  { args: ['taint', 'node', N, 'a=b:NoSchedule', 'x'] },
  { args: ['taint', 'node', N, 'a=b:NoSchedule', '--validate=foo'] },
  { args: ['taint', 'node', '--all', '-l', 'a=b', 'a=b:NoSchedule'] },
  { args: ['taint', 'node', 'a=b:NoSchedule'] },
  { args: ['taint', 'node'] },
  { args: ['taint', N, 'a=b:NoSchedule'] },
  { args: ['taint', 'pod', 'x', 'a=b:NoSchedule'] },
  { args: ['taint', 'deployments.apps', 'x', 'a=b:NoSchedule'] },
  { args: ['taint', 'node.foo', N, 'a=b:NoSchedule', '--dry-run=client'] },
];
