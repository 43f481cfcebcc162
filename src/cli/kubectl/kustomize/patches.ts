// kustomize patches: strategic merge patches (merged as kyaml's merge2 does: maps key by key,
// null deletes, lists with a merge key item by item with `$patch: delete`, other lists replaced),
// and the selection of the resources a patch's target names.
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

export function matchesSelector(sel: string | undefined, m: unknown): boolean {
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
