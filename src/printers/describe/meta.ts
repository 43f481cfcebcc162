// The metadata blocks every describer shares: labels one `k=v` per line, annotations `k: v`
// (long or multi-line values folded), tolerations, taints, pod lists, `Controlled By`.
import type { Obj } from '../../client/types.js';
import { rec, recs, str, strMap, num, type Fields } from '../columns/fields.js';
import { goSort } from './gosort.js';
import { LEVEL_0, type Writer } from './writer.js';

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

export function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** s[:n] of a Go string (bytes). */
export function byteSlice(s: string, n: number): string {
  return Buffer.from(s, 'utf8').subarray(0, n).toString('utf8');
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** printLabelsMultilineWithIndent. */
export function printLabelsIndent(w: Writer, initialIndent: string, title: string, innerIndent: string, labels: unknown, skip: ReadonlySet<string> = new Set()): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const map = strMap(labels);
  const keys = Object.keys(map).filter((k) => !skip.has(k)).sort(byKey);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${map[key]}\n`);
  });
}

export function printLabels(w: Writer, title: string, labels: unknown): void {
  printLabelsIndent(w, '', title, '\t', labels);
}

function shorten(s: string, max: number): string {
  return byteLen(s) > max ? `${byteSlice(s, max)}...` : s;
}

/** printAnnotationsMultiline. */
export function printAnnotations(w: Writer, title: string, annotations: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const map = strMap(annotations);
  const keys = Object.keys(map).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort(byKey);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = (map[key] ?? '').replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function tolerationText(t: Fields): string {
  let s = str(t.key);
  if (str(t.value) !== '') s += `=${str(t.value)}`;
  if (str(t.effect) !== '') s += `:${str(t.effect)}`;
  if (str(t.operator) === 'Exists' && str(t.value) === '') s += str(t.key) !== '' || str(t.effect) !== '' ? ' op=Exists' : 'op=Exists';
  if (typeof t.tolerationSeconds === 'number') s += ` for ${num(t.tolerationSeconds)}s`;
  return s;
}

/** printTolerationsMultilineWithIndent (sorted by key with Go's unstable sort). */
export function printTolerations(w: Writer, title: string, tolerations: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = goSort(recs(tolerations), (a, b) => str(a.key) < str(b.key));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${tolerationText(t)}\n`);
  });
}

/** Taint.ToString(). */
export function taintText(t: Fields): string {
  const key = str(t.key);
  const value = str(t.value);
  const effect = str(t.effect);
  if (effect === '') return value === '' ? key : `${key}=${value}:`;
  return value === '' ? `${key}:${effect}` : `${key}=${value}:${effect}`;
}

/** printNodeTaintsMultiline. */
export function printTaints(w: Writer, title: string, taints: unknown): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = goSort(recs(taints), (a, b) => `${str(a.effect)},${str(a.key)}` < `${str(b.effect)},${str(b.key)}`);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintText(t)}\n`);
  });
}

/** printPodsMultiline: pod names sorted. */
export function printPods(w: Writer, title: string, pods: Obj[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort([...pods], (a, b) => (a.metadata.name ?? '') < (b.metadata.name ?? ''));
  sorted.forEach((p, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${p.metadata.name ?? ''}\n`);
  });
}

/** The controller owner reference, if any. */
export function controllerOf(obj: Obj): Fields | undefined {
  return recs(obj.metadata.ownerReferences).find((r) => r.controller === true);
}

/** printController: `Kind/name` of the controlling owner, "" without one. */
export function controlledBy(obj: Obj): string {
  const ref = controllerOf(obj);
  return ref ? `${str(ref.kind)}/${str(ref.name)}` : '';
}

/** printBool / printBoolPtr. */
export function goBool(value: unknown): string {
  return value === true ? 'True' : 'False';
}

export function goBoolPtr(value: unknown): string {
  return typeof value === 'boolean' ? goBool(value) : '<unset>';
}

/** stringOrNone. */
export function orNone(s: string): string {
  return s === '' ? '<none>' : s;
}

/** An object's metadata, spec and status as field maps. */
export function parts(obj: Obj): { meta: Fields; spec: Fields; status: Fields } {
  return { meta: rec(obj.metadata), spec: rec(obj.spec), status: rec(obj.status) };
}
