// Reading a kustomization: the file (kustomization.yaml, kustomization.yml or Kustomization),
// decoded strictly as kustomize's types.Kustomization (unknown fields refused), its deprecation
// warnings, and the checks Load makes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitYamlDocuments } from '../resource/files-yaml.js';
import { yamlToJson } from '../../../printers/yaml/go-yaml-read.js';
import type { FieldSpec } from './fieldspec.js';
import type { GeneratorArgs, GeneratorOptions } from './generators.js';
import { decodeKustomization } from './kustomization-decode.js';
import type { Target } from './patches.js';
import type { ReplacementField } from './replacements.js';
import type { ImageEntry, LabelsEntry } from './transforms.js';

export interface PatchEntry {
  path?: string;
  patch?: string;
  target?: Target;
  options?: Record<string, boolean>;
  /** patchesJson6902 only: the operations inline */
  jsonOp?: string;
}

export interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  bases?: string[];
  components?: string[];
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  labels?: (LabelsEntry & { fields?: FieldSpec[] })[];
  commonAnnotations?: Record<string, string>;
  images?: ImageEntry[];
  imageTags?: ImageEntry[];
  replicas?: { name?: string; count?: number }[];
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  patches?: PatchEntry[];
  patchesStrategicMerge?: string[];
  patchesJson6902?: PatchEntry[];
  vars?: unknown[];
  replacements?: ReplacementField[];
}

const FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const EDIT_FIX = "Run 'kustomize edit fix' to update your Kustomization automatically.";
const DEPRECATIONS: [keyof Kustomization, string][] = [
  ['bases', `# Warning: 'bases' is deprecated. Please use 'resources' instead. ${EDIT_FIX}`],
  ['commonLabels', `# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. ${EDIT_FIX}`],
  ['imageTags', `# Warning: 'imageTags' is deprecated. Please use 'images' instead. ${EDIT_FIX}`],
  ['patchesJson6902', `# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`],
  ['patchesStrategicMerge', `# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${EDIT_FIX}`],
  ['vars', `# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${EDIT_FIX}`],
];

export function kustomizationFile(dir: string): string {
  const found = FILE_NAMES.filter((n) => existsSync(join(dir, n)));
  if (found.length === 0) {
    throw new Error(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
  }
  if (found.length > 1) throw new Error(`Found multiple kustomization files under: ${dir}\n`);
  return join(dir, found[0]!);
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function decode(text: string): Kustomization {
  const { chunks } = splitYamlDocuments(text);
  const r = yamlToJson(chunks[0] ?? '');
  if ('error' in r) throw new Error(`invalid Kustomization: ${r.error}`);
  try {
    return decodeKustomization(r.value ?? null) as Kustomization;
  } catch (err) {
    throw new Error(`invalid Kustomization: ${(err as Error).message}`);
  }
}

/** KustTarget.Load: the kustomization of a directory, warnings written as kustomize writes them. */
export function loadKustomization(dir: string, warn: (line: string) => void): Kustomization {
  const k = decode(readFileSync(kustomizationFile(dir), 'utf8'));
  for (const [field, msg] of DEPRECATIONS) if (k[field] !== undefined && k[field] !== null) warn(msg);
  const rest = Object.keys(k).filter((f) => f !== 'apiVersion' && f !== 'kind');
  if (rest.length === 0) throw new Error('kustomization.yaml is empty');
  const errs: string[] = [];
  if (k.kind && k.kind !== 'Kustomization' && k.kind !== 'Component') errs.push('kind should be Kustomization or Component');
  const want = k.kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  if (k.apiVersion && k.apiVersion !== want) errs.push(`apiVersion for ${k.kind || 'Kustomization'} should be ${want}`);
  if (errs.length > 0) throw new Error(`Failed to read kustomization file under ${dir}:\n${errs.join('\n')}`);
  return k;
}
