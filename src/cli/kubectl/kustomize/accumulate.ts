// KustTarget.accumulateTarget for one directory: its resources (files, and other kustomization
// directories built recursively), its generators, then its transformers in kustomize's order.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { goQuote } from '../../../printers/go-quote.js';
import { configMap, secret, type GeneratorArgs } from './generators.js';
import { isDir, loadKustomization, type Kustomization } from './kustomization.js';
import { mergeMaps } from './patches.js';
import { appendAll, loadFile } from './loader.js';
import { configurePatchTransformers } from './patch-transformers.js';
import { replacementTransformer } from './replacements.js';
import { Resource, type Json } from './resource.js';
import { commonAnnotations, commonLabels, images, labels, namespace, prefixSuffix, replicas } from './transforms.js';
import { resourceObjects } from './read-resources.js';
import { KustomizeYamlError } from './yaml.js';

export interface BuildEnv {
  warn(line: string): void;
}

/** accumulateDirectory: a directory's own build, merged into what came before. */
function accumulateDirectory(env: BuildEnv, rs: Resource[], entry: string, abs: string): void {
  // accumulateFile fails first on a directory; its error heads whatever the directory says
  const errF = `accumulating resources from '${entry}': '${abs}' must resolve to a file`;
  let k: Kustomization;
  try {
    k = loadKustomization(abs, env.warn);
  } catch (err) {
    throw new Error(`accumulation err='${errF}': couldn't make target for path '${abs}': ${(err as Error).message}`);
  }
  if (k.kind === 'Component') throw new Error(`accumulation err='${errF}': expected kind != 'Component' for path '${abs}'`);
  let sub: Resource[];
  try {
    sub = accumulateLoaded(env, abs, k);
  } catch (err) {
    throw new Error(`accumulation err='${errF}': recursed accumulation of path '${abs}': ${(err as Error).message}`);
  }
  try {
    appendAll(rs, sub);
  } catch (err) {
    throw new Error(`accumulation err='${errF}': recursed merging from path '${abs}': ${(err as Error).message}`);
  }
}

/** accumulateFile (and, when it fails, the attempt at the path as a directory). */
function accumulateFile(rs: Resource[], root: string, entry: string): void {
  const abs = resolve(root, entry);
  // any refusal but a YAML error: accumulateResources then tries the path as a kustomization directory
  const notDirectory = (errF: string): Error => new Error(`accumulation err='${errF}': must build at directory: '${abs}': file is not directory`);
  let text: string;
  try {
    text = loadFile(root, entry);
  } catch (err) {
    const why = (err as Error).message;
    if (why.startsWith('security')) throw notDirectory(`accumulating resources from '${entry}': ${why}`);
    throw new Error(`accumulation err='accumulating resources from '${entry}': ${why}': must build at directory: not a valid directory: ${why}`);
  }
  const read: Resource[] = [];
  try {
    appendAll(read, resourceObjects(text).map(({ obj, writeError }) => {
      const r = new Resource(obj);
      if (writeError !== undefined) r.writeError = writeError;
      return r;
    }));
  } catch (err) {
    // accumulateFile's prefix around kusterr.Handler's MalformedYAMLError
    if (err instanceof KustomizeYamlError) throw new Error(`accumulating resources from '${entry}': MalformedYAMLError: ${err.message} in File: ${entry}`);
    throw notDirectory(`accumulating resources from '${entry}': ${(err as Error).message}`);
  }
  try {
    appendAll(rs, read);
  } catch (err) {
    throw notDirectory(`merging resources from '${entry}': ${(err as Error).message}`);
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
  const replace = replacementTransformer(root, k.replacements);
  for (const t of [...patches.strategicMerge, ...patches.patches]) rs = t(rs);
  namespace(rs, k.namespace ?? '');
  prefixSuffix(rs, k.namePrefix ?? '', k.nameSuffix ?? '');
  for (const l of k.labels ?? []) labels(rs, l);
  commonLabels(rs, k.commonLabels ?? {});
  commonAnnotations(rs, k.commonAnnotations ?? {});
  for (const t of patches.json6902) rs = t(rs);
  replicas(rs, k.replicas ?? []);
  images(rs, [...(k.images ?? []), ...(k.imageTags ?? [])]);
  replace?.(rs);
  return rs;
}

/** The kustomization at root, built: its resources, generators and transformers. */
export function accumulateTarget(env: BuildEnv, root: string): Resource[] {
  return accumulateLoaded(env, root, loadKustomization(root, env.warn));
}

/**
 * accumulateTarget: resources, generators, then components (each a kustomization of kind
 * Component built on top of what is there so far), then transformers over all of it.
 */
function accumulateLoaded(env: BuildEnv, root: string, k: Kustomization, start: Resource[] = []): Resource[] {
  let rs: Resource[] = start;
  for (const entry of [...(k.resources ?? []), ...(k.bases ?? [])]) {
    try {
      const abs = resolve(root, entry);
      if (isDir(abs)) accumulateDirectory(env, rs, entry, abs);
      else accumulateFile(rs, root, entry);
    } catch (err) {
      throw new Error(`accumulating resources: ${(err as Error).message}`);
    }
  }
  rs = generate(k, root, rs);
  for (const c of k.components ?? []) {
    try {
      rs = accumulateComponent(env, rs, resolve(root, c));
    } catch (err) {
      throw new Error(`accumulating components: ${(err as Error).message}`);
    }
  }
  return transform(k, root, rs);
}

function accumulateComponent(env: BuildEnv, rs: Resource[], abs: string): Resource[] {
  if (!isDir(abs)) {
    const why = existsSync(abs) ? `must build at directory: '${abs}': file is not directory` : `must build at directory: not a valid directory: evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;
    throw new Error(`loader.New ${goQuote(why)}`);
  }
  const inDirectory = (fn: () => Resource[]): Resource[] => {
    try {
      return fn();
    } catch (err) {
      throw new Error(`accumulateDirectory: ${goQuote((err as Error).message)}`);
    }
  };
  return inDirectory(() => {
    let k: Kustomization;
    try {
      k = loadKustomization(abs, env.warn);
    } catch (err) {
      throw new Error(`couldn't make target for path '${abs}': ${(err as Error).message}`);
    }
    if (k.kind !== 'Component') throw new Error(`expected kind 'Component' for path '${abs}' but got '${k.kind ?? 'Kustomization'}'`);
    try {
      return accumulateLoaded(env, abs, k, rs);
    } catch (err) {
      throw new Error(`recursed accumulation of path '${abs}': ${(err as Error).message}`);
    }
  });
}

export type { GeneratorArgs };
