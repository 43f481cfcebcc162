// types.Kustomization.Unmarshal: the file's YAML as JSON, decoded by encoding/json into the Go
// struct with DisallowUnknownFields. Keys match fields exactly or, failing that, case-insensitively;
// the first mismatch in the (sorted) document wins: `json: unknown field "x"`, or `json: cannot
// unmarshal string into Go struct field Kustomization.images of type []types.Image`. The result
// holds each field under its own name. Types follow kustomize api v0.18.0 (api/types).
import { goQuote } from '../../../printers/go-quote.js';

type T =
  | { k: 'scalar'; go: string; json: 'string' | 'bool' | 'int' }
  | { k: 'map'; go: string; elem: T }
  | { k: 'slice'; go: string; elem: T }
  | { k: 'struct'; go: string; fields: () => Record<string, T> }
  | { k: 'any' };

const str: T = { k: 'scalar', go: 'string', json: 'string' };
const bool: T = { k: 'scalar', go: 'bool', json: 'bool' };
const int64: T = { k: 'scalar', go: 'int64', json: 'int' };
const int: T = { k: 'scalar', go: 'int', json: 'int' };
const any: T = { k: 'any' };
const strings: T = { k: 'slice', go: '[]string', elem: str };
const stringMap: T = { k: 'map', go: 'map[string]string', elem: str };
const struct = (name: string, fields: () => Record<string, T>): T => ({ k: 'struct', go: `types.${name}`, fields });
const slice = (elem: T, pointer = false): T => ({ k: 'slice', go: `[]${pointer ? '*' : ''}${elem.k === 'struct' || elem.k === 'scalar' ? elem.go : ''}`, elem });

const gvk = { group: str, version: str, kind: str };
const resId = { ...gvk, name: str, namespace: str };
const fieldSpec = struct('FieldSpec', () => ({ ...gvk, path: str, create: bool }));
const selector = struct('Selector', () => ({ ...resId, annotationSelector: str, labelSelector: str }));
const generatorOptions = struct('GeneratorOptions', () => ({ labels: stringMap, annotations: stringMap, disableNameSuffixHash: bool, immutable: bool }));
const generatorArgs = {
  namespace: str, name: str, behavior: str, literals: strings, files: strings, envs: strings, env: str, options: generatorOptions,
};
const fieldOptions = struct('FieldOptions', () => ({ delimiter: str, index: int, encoding: str, create: bool }));
const patch = struct('Patch', () => ({ path: str, patch: str, target: selector, options: { k: 'map', go: 'map[string]bool', elem: bool } }));
const image = struct('Image', () => ({ name: str, newName: str, tagSuffix: str, newTag: str, digest: str }));

const KUSTOMIZATION = struct('Kustomization', () => ({
  kind: str,
  apiVersion: str,
  metadata: struct('ObjectMeta', () => ({ name: str, namespace: str, labels: stringMap, annotations: stringMap })),
  openapi: stringMap,
  namePrefix: str,
  nameSuffix: str,
  namespace: str,
  commonLabels: stringMap,
  labels: slice(struct('Label', () => ({ pairs: stringMap, includeSelectors: bool, includeTemplates: bool, fields: slice(fieldSpec) }))),
  commonAnnotations: stringMap,
  patchesStrategicMerge: slice({ k: 'scalar', go: 'types.PatchStrategicMerge', json: 'string' }),
  patchesJson6902: slice(patch),
  patches: slice(patch),
  images: slice(image),
  imageTags: slice(image),
  replacements: slice(struct('ReplacementField', () => ({
    source: struct('SourceSelector', () => ({ ...resId, fieldPath: str, options: fieldOptions })),
    targets: slice(struct('TargetSelector', () => ({ select: selector, reject: slice(selector, true), fieldPaths: strings, options: fieldOptions })), true),
    path: str,
  }))),
  replicas: slice(struct('Replica', () => ({ name: str, count: int64 }))),
  vars: slice(struct('Var', () => ({
    name: str,
    objref: struct('Target', () => ({ apiVersion: str, ...gvk, name: str, namespace: str })),
    fieldref: struct('FieldSelector', () => ({ fieldPath: str })),
  }))),
  sortOptions: struct('SortOptions', () => ({
    order: { k: 'scalar', go: 'types.SortOrder', json: 'string' },
    legacySortOptions: struct('LegacySortOptions', () => ({ orderFirst: strings, orderLast: strings })),
  })),
  resources: strings,
  components: strings,
  crds: strings,
  bases: strings,
  configMapGenerator: slice(struct('ConfigMapArgs', () => generatorArgs)),
  secretGenerator: slice(struct('SecretArgs', () => ({ ...generatorArgs, type: str }))),
  helmGlobals: struct('HelmGlobals', () => ({ chartHome: str, configHome: str })),
  helmCharts: slice(struct('HelmChart', () => ({
    name: str, version: str, repo: str, releaseName: str, namespace: str, additionalValuesFiles: strings, valuesFile: str,
    valuesInline: { k: 'map', go: 'map[string]interface {}', elem: any }, valuesMerge: str, includeCRDs: bool, skipHooks: bool,
    apiVersions: strings, kubeVersion: str, nameTemplate: str, skipTests: bool, debug: bool,
  }))),
  helmChartInflationGenerator: slice(struct('HelmChartArgs', () => ({
    chartName: str, chartVersion: str, chartRepoUrl: str, chartHome: str, chartRepoName: str, helmBin: str, helmHome: str,
    values: str, valuesLocal: { k: 'map', go: 'map[string]interface {}', elem: any }, valuesMerge: str, releaseName: str,
    releaseNamespace: str, extraArgs: strings,
  }))),
  generatorOptions,
  configurations: strings,
  generators: strings,
  transformers: strings,
  validators: strings,
  buildMetadata: strings,
}));

interface Ctx { struct: string; path: string[] }

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

class Decoder {
  saved: string | undefined;

  mismatch(what: string, go: string, ctx: Ctx | undefined): void {
    this.saved ??= ctx
      ? `json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.path.join('.')} of type ${go}`
      : `json: cannot unmarshal ${what} into Go value of type ${go}`;
  }

  value(t: T, v: unknown, ctx: Ctx | undefined): unknown {
    if (v === null || t.k === 'any') return v;
    switch (t.k) {
      case 'scalar': {
        const fits = t.json === 'string' ? typeof v === 'string' : t.json === 'bool' ? typeof v === 'boolean' : typeof v === 'number' && Number.isInteger(v);
        if (fits) return v;
        this.mismatch(typeof v === 'number' && t.json === 'int' ? `number ${String(v)}` : kind(v), t.go, ctx);
        return undefined;
      }
      case 'map': {
        if (typeof v !== 'object' || Array.isArray(v)) return void this.mismatch(kind(v), t.go, ctx);
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, this.value(t.elem, x, ctx)]));
      }
      case 'slice': {
        if (!Array.isArray(v)) return void this.mismatch(kind(v), t.go, ctx);
        return v.map((x) => this.value(t.elem, x, ctx));
      }
      case 'struct': {
        if (typeof v !== 'object' || Array.isArray(v)) return void this.mismatch(kind(v), t.go, ctx);
        const fields = t.fields();
        const names = Object.keys(fields);
        const out: Record<string, unknown> = {};
        for (const [key, x] of Object.entries(v as Record<string, unknown>)) {
          const name = key in fields ? key : names.find((n) => n.toLowerCase() === key.toLowerCase());
          if (name === undefined) {
            this.saved ??= `json: unknown field ${goQuote(key)}`;
            continue;
          }
          out[name] = this.value(fields[name]!, x, { struct: t.go.replace(/^types\./, ''), path: [...(ctx?.path ?? []), name] });
        }
        return out;
      }
    }
  }
}

/** The kustomization's JSON decoded as types.Kustomization; throws the decoder's first error. */
export function decodeKustomization(json: unknown): Record<string, unknown> {
  const d = new Decoder();
  const out = d.value(KUSTOMIZATION, json, undefined);
  if (d.saved !== undefined) throw new Error(d.saved);
  return (out ?? {}) as Record<string, unknown>;
}
