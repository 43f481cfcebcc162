// kustomize's FieldSpecs: which kinds a transformer touches (group, version, kind; empty means
// any) and where (a slash-separated path, `\/` for a slash inside a key, list fields walked item
// by item), creating the missing maps on the way when the spec says `create`.
import type { Resource } from './resource.js';

export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  create?: boolean;
}

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export function selects(fs: FieldSpec, r: Resource): boolean {
  const g = r.gvk();
  return (!fs.group || fs.group === g.group) && (!fs.version || fs.version === g.version) && (!fs.kind || fs.kind === g.kind);
}

export function splitPath(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\' && path[i + 1] === '/') {
      cur += '/';
      i++;
    } else if (path[i] === '/') {
      out.push(cur);
      cur = '';
    } else cur += path[i];
  }
  out.push(cur);
  return out;
}

/** Calls set(parent, key) for every place the path reaches; the setter decides what to write. */
export function walk(node: unknown, segs: string[], create: boolean, set: (parent: Json, key: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, segs, create, set);
    return;
  }
  if (!isMap(node) || segs.length === 0) return;
  const [first, ...rest] = segs as [string, ...string[]];
  const key = first.endsWith('[]') ? first.slice(0, -2) : first;
  if (rest.length === 0) {
    set(node, key);
    return;
  }
  if (node[key] === undefined || node[key] === null) {
    if (!create || first.endsWith('[]')) return;
    node[key] = {};
  }
  walk(node[key], rest, create, set);
}

export function applySpecs(resources: Resource[], specs: FieldSpec[], set: (parent: Json, key: string, fs: FieldSpec, r: Resource) => void): void {
  for (const r of resources) {
    for (const fs of specs) {
      if (!selects(fs, r)) continue;
      walk(r.obj, splitPath(fs.path), fs.create ?? false, (parent, key) => set(parent, key, fs, r));
    }
  }
}
