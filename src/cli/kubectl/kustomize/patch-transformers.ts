// kustomize's three patch transformers, configured before any transformer runs (as KustTarget
// configures its builtins) and then applied in the build's order:
//   PatchStrategicMergeTransformer (patchesStrategicMerge: each entry a patch, else a file),
//   PatchTransformer (patches: a strategic merge or JSON 6902 patch, from `patch` or `path`),
//   PatchJson6902Transformer (patchesJson6902: a JSON 6902 patch for one named target).
// A configuration error is wrapped with the plugin's config as YAML; a strategic merge patch must
// find its one target by id; JSON patches are applied as evanphx/json-patch v4 applies them.
import { goQuote } from '../../../printers/go-quote.js';
import { goJsonMarshal } from '../../../printers/jsonpath/gojson.js';
import { applyJsonPatchV4, decodeJsonPatch, type PatchOperation } from '../../../printers/gotypes/json-patch-v4.js';
import { toKubectlYaml } from '../../../printers/yaml.js';
import { yamlToJson } from '../../../printers/yaml/go-yaml-read.js';
import type { Kustomization, PatchEntry } from './kustomization.js';
import { idString, loadFile, resourceIds, sameId, type Id } from './loader.js';
import { mergeMaps, selectedBy, type Target } from './patches.js';
import { resourceObjects } from './read-resources.js';
import { Resource, type Json } from './resource.js';
import { KustomizeYamlError } from './yaml.js';

export type Transformer = (rs: Resource[]) => Resource[];

/** configureBuiltinPlugin's wrapping of a Config error. */
function configError(plugin: string, config: Json, err: unknown): Error {
  return new Error(`trouble configuring builtin ${plugin} with config: \`\n${toKubectlYaml(config)}\`: ${(err as Error).message}`);
}

function idOf(r: Resource): Id {
  const g = r.gvk();
  return { ...g, name: r.originalName, namespace: r.previous[0]?.namespace ?? r.namespace };
}

/** resWrangler.GetById: the one resource whose current or any earlier id equals id. */
function getById(rs: Resource[], id: Id): Resource {
  const matches = rs.filter((r) => resourceIds(r).some((x) => sameId(x, id)));
  if (matches.length === 1) return matches[0]!;
  const why = matches.length > 1 ? 'multiple matches' : 'no matches';
  throw new Error(`${why} for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`);
}

interface SmOptions { allowNameChange?: boolean; allowKindChange?: boolean }

/**
 * Resource.ApplySmPatch: the patch merged in, then the resource's kind and name put back (unless
 * the patch's options allow a change) and its namespace always.
 */
function applySm(r: Resource, patch: Json, options: SmOptions = {}): void {
  const { name, namespace } = r;
  const kind = r.gvk().kind;
  const merged = mergeMaps(r.obj, patch);
  const meta = (merged.metadata ?? {}) as Json;
  if (!options.allowKindChange) merged.kind = kind;
  if (options.allowNameChange && meta.name !== name) {
    r.previous.push({ namespace, name });
  } else {
    meta.name = name;
  }
  if (namespace === '') delete meta.namespace;
  else meta.namespace = namespace;
  merged.metadata = meta;
  r.obj = merged;
}

/** SliceFromBytes: the patch resources a text holds. */
const smPatches = (text: string): Json[] => resourceObjects(text).map((o) => o.obj);

/** SliceFromPatches: a file's patches, a YAML error in it named as kusterr.Handler names it. */
function fromPatchFile(root: string, path: string): Json[] {
  const text = loadFile(root, path);
  try {
    return smPatches(text);
  } catch (err) {
    if (err instanceof KustomizeYamlError) throw new Error(`MalformedYAMLError: ${err.message} in File: ${path}`);
    throw err;
  }
}

/** jsonPatchFromBytes: YAML is first read as JSON (sigs.k8s.io/yaml, go-yaml v2). */
function jsonPatchFromText(text: string): PatchOperation[] {
  if (text === '') throw new Error('empty json patch operations');
  let value: unknown;
  if (text[0] !== '[') {
    const r = yamlToJson(text);
    if ('error' in r) throw new Error(r.error);
    value = r.value;
  } else {
    value = JSON.parse(text);
  }
  return decodeJsonPatch(value);
}

function applyJson(rs: Resource[], target: Target, ops: PatchOperation[]): void {
  for (const r of rs) if (selectedBy(target, r)) r.obj = applyJsonPatchV4(r.obj, ops) as Json;
}

function strategicMergeTransformer(root: string, paths: string[]): Transformer {
  const config = { paths };
  const patches: Json[] = [];
  try {
    for (const p of paths) {
      let loaded: Json[];
      try {
        loaded = smPatches(p); // for legacy reasons, the entry may be the patch itself
      } catch {
        loaded = fromPatchFile(root, p);
      }
      patches.push(...loaded);
    }
    if (patches.length === 0) throw new Error(`patch appears to be empty; files=[${paths.join(' ')}], Patch=`);
  } catch (err) {
    throw configError('PatchStrategicMergeTransformer', config, err);
  }
  return (rs) => {
    for (const patch of patches) applySm(getById(rs, idOf(new Resource(patch))), patch);
    return rs;
  };
}

function patchTransformer(root: string, entry: PatchEntry): Transformer {
  const config: Json = {};
  if (entry.path !== undefined && entry.path !== '') config.path = entry.path;
  if (entry.patch !== undefined && entry.patch !== '') config.patch = entry.patch;
  if (entry.target !== undefined) config.target = entry.target;
  if (entry.options !== undefined) config.options = entry.options;
  const patch = (entry.patch ?? '').trim();
  const path = entry.path ?? '';
  let text: string;
  let source: string;
  let sm: Json[] | undefined;
  let ops: PatchOperation[] | undefined;
  try {
    if (patch === '' && path === '') throw new Error(`must specify one of patch and path in\n${toKubectlYaml(config)}`);
    if (patch !== '' && path !== '') throw new Error(`patch and path can't be set at the same time\n${toKubectlYaml(config)}`);
    if (patch !== '') {
      text = patch;
      source = `[patch: ${goQuote(patch)}]`;
    } else {
      try {
        text = loadFile(root, path);
      } catch (err) {
        throw new Error(`failed to get the patch file from path(${path}): ${(err as Error).message}`);
      }
      source = `[path: ${goQuote(path)}]`;
    }
    const t = text;
    const smResult = attempt(() => smPatches(t));
    const jsonResult = attempt(() => jsonPatchFromText(t));
    if (smResult.ok && jsonResult.ok) throw new Error(`illegally qualifies as both an SM and JSON patch: ${source}`);
    if (!smResult.ok && !jsonResult.ok) throw new Error(`unable to parse SM or JSON patch from ${source}`);
    if (smResult.ok) sm = smResult.value!.length > 0 ? smResult.value : undefined;
    else ops = jsonResult.value;
  } catch (err) {
    throw configError('PatchTransformer', config, err);
  }
  const target = entry.target;
  return (rs) => {
    if (sm !== undefined) {
      if (target) {
        if (sm.length > 1) throw new Error(`Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field: ${source}`);
        for (const r of rs) if (selectedBy(target, r)) applySm(r, sm[0]!, entry.options);
        return rs;
      }
      for (const p of sm) {
        const id = idOf(new Resource(p));
        let r: Resource;
        try {
          r = getById(rs, id);
        } catch (err) {
          throw new Error(`no resource matches strategic merge patch ${goQuote(idString(id))}: ${(err as Error).message}`);
        }
        applySm(r, p, entry.options);
      }
      return rs;
    }
    if (!target) throw new Error(`must specify a target for JSON patch ${source}`);
    applyJson(rs, target, ops ?? jsonPatchFromText(text));
    return rs;
  };
}

function json6902Transformer(root: string, entry: PatchEntry & { jsonOp?: string }): Transformer {
  const config: Json = {};
  if (entry.jsonOp) config.jsonOp = entry.jsonOp;
  if (entry.path) config.path = entry.path;
  if (entry.target) config.target = entry.target;
  let ops: PatchOperation[];
  try {
    if (!entry.target?.name) throw new Error('must specify the target name');
    let op = entry.jsonOp ?? '';
    const path = entry.path ?? '';
    if (path === '' && op === '') throw new Error('empty file path and empty jsonOp');
    if (path !== '') {
      if (op !== '') throw new Error('must specify a file path or jsonOp, not both');
      op = loadFile(root, path);
      if (op === '') throw new Error(`patch file '${path}' empty seems to be empty`);
    }
    let json: unknown;
    if (op[0] !== '[') {
      const r = yamlToJson(op);
      if ('error' in r) throw new Error(r.error);
      json = r.value;
      op = goJsonMarshal(r.value);
    } else {
      json = JSON.parse(op);
    }
    try {
      ops = decodeJsonPatch(json);
    } catch (err) {
      throw new Error(`decoding ${op}: ${(err as Error).message}`);
    }
    if (ops.length === 0) throw new Error(`patch appears to be empty; file=${path}, JsonOp=${op}`);
  } catch (err) {
    throw configError('PatchJson6902Transformer', config, err);
  }
  const target = entry.target!;
  return (rs) => {
    applyJson(rs, target, ops);
    return rs;
  };
}

function attempt<T>(fn: () => T): { ok: boolean; value?: T } {
  try {
    return { ok: true, value: fn() };
  } catch {
    return { ok: false };
  }
}

export interface PatchTransformers {
  strategicMerge: Transformer[];
  patches: Transformer[];
  json6902: Transformer[];
}

/** Configures the kustomization's patch transformers, in the order the build configures them. */
export function configurePatchTransformers(k: Kustomization, root: string): PatchTransformers {
  const psm = k.patchesStrategicMerge ?? [];
  return {
    strategicMerge: psm.length > 0 ? [strategicMergeTransformer(root, psm)] : [],
    patches: (k.patches ?? []).map((p) => patchTransformer(root, p)),
    json6902: (k.patchesJson6902 ?? []).map((p) => json6902Transformer(root, p)),
  };
}
