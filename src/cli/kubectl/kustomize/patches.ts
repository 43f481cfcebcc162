// kustomize patches: strategic merge patches (merged as kyaml's merge2 does: maps key by key,
// null deletes, lists with a merge key item by item with `$patch: delete`, other lists replaced)
// and JSON 6902 operation lists, each applied to the resources its target selects.
import { mergeKeyFor } from './merge-keys.js';
import type { Json, Resource } from './resource.js';

const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function withoutDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isMap(x) && x.$patch === 'delete')).map(withoutDirectives);
  if (!isMap(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) if (k !== '$patch' && x !== null) out[k] = withoutDirectives(x);
  return out;
}

/**
 * An associative list merged as kustomize merges it (kyaml's walker with ListPrepend): the
 * patch's items first, in its order (merged with the matching item), then the items only the
 * resource has; `$patch: delete` items dropped.
 */
function mergeList(dest: unknown[], src: unknown[], path: string[], field: string): unknown[] {
  const key = mergeKeyFor(path, field);
  if (!key || !src.every(isMap)) return withoutDirectives(src) as unknown[];
  const keyOf = (x: unknown): unknown => (isMap(x) ? x[key] : undefined);
  const out: unknown[] = [];
  for (const item of src as Json[]) {
    if (item.$patch === 'delete') continue;
    const match = dest.find((d) => keyOf(d) === item[key]);
    out.push(isMap(match) ? mergeMaps(match, item, [...path, field]) : withoutDirectives(item));
  }
  const deleted = (src as Json[]).filter((i) => i.$patch === 'delete').map((i) => i[key]);
  for (const d of dest) {
    const k = keyOf(d);
    if (!deleted.includes(k) && !(src as Json[]).some((i) => i[key] === k)) out.push(d);
  }
  return out;
}

/** merge2.Merge of src into dest. */
export function mergeMaps(dest: Json, src: Json, path: string[] = []): Json {
  if (src.$patch === 'replace') return withoutDirectives(src) as Json;
  const out: Json = { ...dest };
  for (const [k, v] of Object.entries(src)) {
    if (k === '$patch') continue;
    const cur = out[k];
    if (v === null) delete out[k];
    else if (isMap(v) && v.$patch === 'delete') delete out[k];
    else if (isMap(v) && isMap(cur)) out[k] = mergeMaps(cur, v, [...path, k]);
    else if (Array.isArray(v) && Array.isArray(cur)) out[k] = mergeList(cur, v, path, k);
    else out[k] = withoutDirectives(clone(v));
  }
  return out;
}

type Op = { op?: string; path?: string; from?: string; value?: unknown };

function pointer(p: string): string[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, segs: string[]): { parent: unknown; last: string } {
  let cur = doc;
  for (const s of segs.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(s)] : isMap(cur) ? cur[s] : undefined;
    if (cur === undefined) throw new Error(`doc is missing path: ${segs.join('/')}`);
  }
  return { parent: cur, last: segs[segs.length - 1] ?? '' };
}

function getAt(doc: unknown, p: string): unknown {
  const { parent, last } = parentOf(doc, pointer(p));
  return Array.isArray(parent) ? parent[Number(last)] : isMap(parent) ? parent[last] : undefined;
}

function removeAt(doc: unknown, p: string): unknown {
  const { parent, last } = parentOf(doc, pointer(p));
  if (Array.isArray(parent)) return parent.splice(Number(last), 1)[0];
  if (!isMap(parent) || !(last in parent)) throw new Error(`Unable to remove nonexistent key: ${last}: missing value`);
  const v = parent[last];
  delete parent[last];
  return v;
}

function addAt(doc: unknown, p: string, value: unknown, replace: boolean): void {
  const { parent, last } = parentOf(doc, pointer(p));
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (replace) parent[i] = value;
    else parent.splice(i, 0, value);
  } else if (isMap(parent)) {
    if (replace && !(last in parent)) throw new Error(`replace operation does not apply: doc is missing key: ${p}: missing value`);
    parent[last] = value;
  }
}

/** RFC 6902 operations applied in order. */
export function applyJsonPatch(obj: Json, ops: Op[]): Json {
  const doc = clone(obj);
  for (const o of ops) {
    const path = o.path ?? '';
    if (o.op === 'add') addAt(doc, path, clone(o.value), false);
    else if (o.op === 'replace') addAt(doc, path, clone(o.value), true);
    else if (o.op === 'remove') removeAt(doc, path);
    else if (o.op === 'move') addAt(doc, path, removeAt(doc, o.from ?? ''), false);
    else if (o.op === 'copy') addAt(doc, path, clone(getAt(doc, o.from ?? '')), false);
    else if (o.op === 'test' && JSON.stringify(getAt(doc, path)) !== JSON.stringify(o.value)) throw new Error(`testing value ${path} failed: test failed`);
  }
  return doc;
}

export interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

const anchored = (re: string, v: string): boolean => new RegExp(`^(?:${re})$`).test(v);

function matchesSelector(sel: string | undefined, m: unknown): boolean {
  if (!sel) return true;
  const labels = (isMap(m) ? m : {}) as Record<string, string>;
  return sel.split(',').every((term) => {
    const t = term.trim();
    const neq = /^([^!=]+)!=(.*)$/.exec(t);
    if (neq) return labels[neq[1]!.trim()] !== neq[2]!.trim();
    const eq = /^([^=]+)==?(.*)$/.exec(t);
    if (eq) return labels[eq[1]!.trim()] === eq[2]!.trim();
    if (t.startsWith('!')) return !(t.slice(1) in labels);
    return t in labels;
  });
}

export function selectedBy(t: Target, r: Resource): boolean {
  const g = r.gvk();
  const meta = isMap(r.obj.metadata) ? r.obj.metadata : {};
  if (t.group && !anchored(t.group, g.group)) return false;
  if (t.version && !anchored(t.version, g.version)) return false;
  if (t.kind && !anchored(t.kind, g.kind)) return false;
  if (t.name && !anchored(t.name, r.name) && !r.previous.some((p) => anchored(t.name!, p.name))) return false;
  if (t.namespace && !anchored(t.namespace, r.namespace)) return false;
  return matchesSelector(t.labelSelector, meta.labels) && matchesSelector(t.annotationSelector, meta.annotations);
}
