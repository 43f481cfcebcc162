// KustTarget.accumulateTarget for one directory: its resources (files, and other kustomization
// directories built recursively), its generators, then its transformers in kustomize's order.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { configMap, secret, type GeneratorArgs } from './generators.js';
import { isDir, loadKustomization, type Kustomization, type PatchEntry } from './kustomization.js';
import { applyJsonPatch, mergeMaps, selectedBy } from './patches.js';
import { Resource, type Json } from './resource.js';
import { commonAnnotations, commonLabels, images, labels, namespace, prefixSuffix, replicas } from './transforms.js';
import { resourceObjects } from './read-resources.js';
import { KustomizeYamlError, parseYamlDocs } from './yaml.js';

export interface BuildEnv {
  warn(line: string): void;
}

function missing(abs: string): string {
  return `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;
}

function readRestricted(root: string, rel: string): string {
  const abs = resolve(root, rel);
  if (abs !== root && !abs.startsWith(root + sep)) throw new Error(`security; file '${abs}' is not in or below '${root}'`);
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    throw new Error(`open ${abs}: no such file or directory`);
  }
}

function accumulateResource(env: BuildEnv, root: string, entry: string): Resource[] {
  const abs = resolve(root, entry);
  if (isDir(abs)) return accumulateTarget(env, abs);
  let text: string;
  try {
    text = readRestricted(root, entry);
  } catch (err) {
    const why = (err as Error).message.startsWith('security') ? (err as Error).message : missing(abs);
    throw new Error(`accumulation err='accumulating resources from '${entry}': ${why}': must build at directory: not a valid directory: ${why}`);
  }
  try {
    return resourceObjects(text).map(({ obj, writeError }) => {
      const r = new Resource(obj);
      if (writeError !== undefined) r.writeError = writeError;
      return r;
    });
  } catch (err) {
    // accumulateFile's prefix around kusterr.Handler's MalformedYAMLError
    if (err instanceof KustomizeYamlError) throw new Error(`accumulating resources from '${entry}': MalformedYAMLError: ${err.message} in File: ${entry}`);
    // any other refusal: accumulateResources then tries the path as a kustomization directory
    throw new Error(`accumulation err='accumulating resources from '${entry}': ${(err as Error).message}': must build at directory: '${abs}': file is not directory`);
  }
}

function generate(k: Kustomization, root: string, rs: Resource[]): Resource[] {
  const opts = k.generatorOptions ?? {};
  const made = [
    ...(k.configMapGenerator ?? []).map((g) => configMap(root, g, opts)),
    ...(k.secretGenerator ?? []).map((g) => secret(root, g, opts)),
  ];
  const out = [...rs];
  for (const r of made) {
    const existing = out.find((x) => x.gvk().kind === r.gvk().kind && x.hasName(r.name));
    if (!existing || r.behavior === 'create') {
      out.push(r);
      continue;
    }
    if (r.behavior === 'replace') existing.obj = { ...r.obj, metadata: { ...(r.obj.metadata as Json), name: existing.name } };
    else existing.obj = mergeMaps(existing.obj, { data: r.obj.data ?? {}, metadata: { labels: (r.obj.metadata as Json).labels ?? null, annotations: (r.obj.metadata as Json).annotations ?? null } });
    existing.needsHash = existing.needsHash || r.needsHash;
  }
  return out;
}

function patchText(root: string, p: PatchEntry): string {
  return p.path !== undefined ? readRestricted(root, p.path) : (p.patch ?? '');
}

function applyPatch(rs: Resource[], text: string, target: PatchEntry['target']): void {
  const docs = parseYamlDocs(text).filter((d) => d !== null && d !== undefined);
  const first = docs[0];
  if (Array.isArray(first)) {
    if (!target) throw new Error('must specify a target for patch');
    for (const r of rs) if (selectedBy(target, r)) r.obj = applyJsonPatch(r.obj, first as never);
    return;
  }
  for (const d of docs as Json[]) {
    const patch = new Resource(d);
    const t = target ?? { kind: patch.gvk().kind, name: patch.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') };
    for (const r of rs) if (selectedBy(t, r)) r.obj = mergeMaps(r.obj, target ? renamedTo(d, r) : d);
  }
}

/** A targeted patch names whatever it patches. */
function renamedTo(patch: Json, r: Resource): Json {
  const meta: Json = { ...((patch.metadata ?? {}) as Json), name: r.name };
  if (r.namespace) meta.namespace = r.namespace;
  else delete meta.namespace;
  return { ...patch, metadata: meta };
}

function transform(k: Kustomization, root: string, rs: Resource[]): void {
  for (const p of k.patchesStrategicMerge ?? []) applyPatch(rs, tryRead(root, p), undefined);
  for (const p of k.patches ?? []) applyPatch(rs, patchText(root, p), p.target);
  namespace(rs, k.namespace ?? '');
  prefixSuffix(rs, k.namePrefix ?? '', k.nameSuffix ?? '');
  for (const l of k.labels ?? []) labels(rs, l);
  commonLabels(rs, k.commonLabels ?? {});
  commonAnnotations(rs, k.commonAnnotations ?? {});
  for (const p of k.patchesJson6902 ?? []) applyPatch(rs, patchText(root, p), p.target);
  replicas(rs, k.replicas ?? []);
  images(rs, [...(k.images ?? []), ...(k.imageTags ?? [])]);
}

function tryRead(root: string, p: string): string {
  try {
    return readRestricted(root, p);
  } catch {
    return p;
  }
}

export function accumulateTarget(env: BuildEnv, root: string): Resource[] {
  const k = loadKustomization(root, env.warn);
  let rs: Resource[] = [];
  for (const entry of [...(k.resources ?? []), ...(k.bases ?? [])]) {
    try {
      rs.push(...accumulateResource(env, root, entry));
    } catch (err) {
      throw new Error(`accumulating resources: ${(err as Error).message}`);
    }
  }
  rs = generate(k, root, rs);
  transform(k, root, rs);
  return rs;
}

export type { GeneratorArgs };
