// KustTarget.accumulateTarget for one directory: its resources (files, and other kustomization
// directories built recursively), its generators, then its transformers in kustomize's order.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { configMap, secret, type GeneratorArgs } from './generators.js';
import { isDir, loadKustomization, type Kustomization } from './kustomization.js';
import { mergeMaps } from './patches.js';
import { configurePatchTransformers } from './patch-transformers.js';
import { Resource, type Json } from './resource.js';
import { commonAnnotations, commonLabels, images, labels, namespace, prefixSuffix, replicas } from './transforms.js';
import { resourceObjects } from './read-resources.js';
import { KustomizeYamlError } from './yaml.js';

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

function transform(k: Kustomization, root: string, rs: Resource[]): Resource[] {
  const patches = configurePatchTransformers(k, root);
  for (const t of [...patches.strategicMerge, ...patches.patches]) rs = t(rs);
  namespace(rs, k.namespace ?? '');
  prefixSuffix(rs, k.namePrefix ?? '', k.nameSuffix ?? '');
  for (const l of k.labels ?? []) labels(rs, l);
  commonLabels(rs, k.commonLabels ?? {});
  commonAnnotations(rs, k.commonAnnotations ?? {});
  for (const t of patches.json6902) rs = t(rs);
  replicas(rs, k.replicas ?? []);
  images(rs, [...(k.images ?? []), ...(k.imageTags ?? [])]);
  return rs;
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
  return transform(k, root, rs);
}

export type { GeneratorArgs };
