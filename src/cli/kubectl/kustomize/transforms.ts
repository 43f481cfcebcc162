// The built-in transformers a kustomization's fields ask for: namespace, name prefix and suffix,
// labels, annotations, images and replica counts.
import { applySpecs, walk, splitPath, type FieldSpec } from './fieldspec.js';
import type { Json, Resource } from './resource.js';
import { CLUSTER_SCOPED, COMMON_ANNOTATIONS, COMMON_LABELS, IMAGES, METADATA_LABELS, REPLICAS } from './specs.js';

const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function mergeMap(parent: Json, key: string, pairs: Record<string, string>, create: boolean): void {
  const cur = parent[key];
  if (!isMap(cur)) {
    if (cur !== undefined && cur !== null) return;
    if (!create) return;
    parent[key] = {};
  }
  Object.assign(parent[key] as Json, pairs);
}

export function addMapEntries(resources: Resource[], specs: FieldSpec[], pairs: Record<string, string>): void {
  if (Object.keys(pairs).length === 0) return;
  applySpecs(resources, specs, (parent, key, fs) => mergeMap(parent, key, pairs, fs.create ?? false));
}

export const commonLabels = (rs: Resource[], pairs: Record<string, string>): void => addMapEntries(rs, COMMON_LABELS, pairs);
export const commonAnnotations = (rs: Resource[], pairs: Record<string, string>): void => addMapEntries(rs, COMMON_ANNOTATIONS, pairs);

export interface LabelsEntry {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  fields?: FieldSpec[];
}

/** `labels:` entries: metadata labels, plus selectors and/or templates when asked. */
export function labels(rs: Resource[], entry: LabelsEntry): void {
  const pairs = entry.pairs ?? {};
  let specs: FieldSpec[] = [{ path: 'metadata/labels', create: true }];
  if (entry.includeSelectors) specs = COMMON_LABELS;
  else if (entry.includeTemplates) specs = METADATA_LABELS;
  addMapEntries(rs, [...specs, ...(entry.fields ?? [])], pairs);
}

export function namespace(rs: Resource[], ns: string): void {
  if (ns === '') return;
  for (const r of rs) {
    const { kind, version } = r.gvk();
    if (kind === 'Namespace' && version === 'v1') {
      if (r.name !== ns) r.rename(ns);
      continue;
    }
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      for (const s of Array.isArray(r.obj.subjects) ? r.obj.subjects : []) {
        if (isMap(s) && s.name === 'default') s.namespace = ns;
      }
    }
    if (CLUSTER_SCOPED.has(kind)) continue;
    if (r.namespace !== ns) r.setNamespace(ns);
  }
}

const SKIP_RENAME = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

export function prefixSuffix(rs: Resource[], prefix: string, suffix: string): void {
  for (const r of rs) {
    if (SKIP_RENAME.has(r.gvk().kind) || (prefix === '' && suffix === '')) continue;
    r.rename(`${prefix}${r.name}${suffix}`);
  }
}

/** image.Split: name, tag and digest of an image reference. */
export function splitImage(ref: string): { name: string; tag: string; digest: string } {
  const slash = ref.indexOf('/');
  const base = slash > 0 ? slash : 0;
  const search = ref.slice(base);
  let id = search.indexOf('@');
  let ic = search.indexOf(':');
  if (ic < 0 && id < 0) return { name: ref, tag: '', digest: '' };
  if (id >= 0 && (id < ic || ic < 0)) {
    id += base;
    return { name: ref.slice(0, id), tag: '', digest: ref.slice(id + 1) };
  }
  if (id >= 0 && ic >= 0) {
    id += base;
    ic += base;
    return { name: ref.slice(0, ic), tag: ref.slice(ic + 1, id), digest: ref.slice(id + 1) };
  }
  ic += base;
  return { name: ref.slice(0, ic), tag: ref.slice(ic + 1), digest: '' };
}

export interface ImageEntry {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

function newImage(ref: string, e: ImageEntry): string | undefined {
  const parts = splitImage(ref);
  if (parts.name !== e.name) return undefined;
  let { name, tag, digest } = parts;
  if (e.newName) name = e.newName;
  if (e.newTag && e.digest) [tag, digest] = [e.newTag, e.digest];
  else if (e.newTag) [tag, digest] = [e.newTag, ''];
  else if (e.digest) [tag, digest] = ['', e.digest];
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** imagetag.LegacyFilter: every containers/initContainers list anywhere in the object. */
function legacyImages(node: unknown, e: ImageEntry): void {
  if (Array.isArray(node)) {
    node.forEach((n) => legacyImages(n, e));
    return;
  }
  if (!isMap(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'containers' || k === 'initContainers') && Array.isArray(v)) {
      for (const c of v) {
        if (isMap(c) && typeof c.image === 'string') c.image = newImage(c.image, e) ?? c.image;
      }
    } else legacyImages(v, e);
  }
}

export function images(rs: Resource[], entries: ImageEntry[]): void {
  for (const e of entries) {
    for (const r of rs) legacyImages(r.obj, e);
    applySpecs(rs, IMAGES.map((fs) => ({ ...fs, create: false })), (parent, key) => {
      if (typeof parent[key] === 'string') parent[key] = newImage(parent[key], e) ?? parent[key];
    });
  }
}

/** ReplicaCountTransformer: each entry must name a resource of a kind with replicas. */
export function replicas(rs: Resource[], entries: { name?: string; count?: number }[]): void {
  for (const e of entries) {
    let found = false;
    for (const fs of REPLICAS) {
      for (const r of rs) {
        if (!r.hasName(e.name ?? '') || fs.kind !== r.gvk().kind) continue;
        found = true;
        walk(r.obj, splitPath(fs.path), true, (parent, key) => {
          parent[key] = e.count ?? 0;
        });
      }
    }
    if (!found) {
      const gvks = REPLICAS.map((fs) => `${fs.kind}.[noVer].[noGrp]`).join(' ');
      throw new Error(`resource with name ${e.name ?? ''} does not match a config with the following GVK [${gvks}]`);
    }
  }
}
