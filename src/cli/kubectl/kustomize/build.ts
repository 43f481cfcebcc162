// kustomize build (krusty.Kustomizer.Run) as kubectl runs it for `kustomize DIR` and `-k DIR`:
// accumulate the target, add hash suffixes to generated names, fix references to renamed
// objects, sort in the legacy order, and write the objects as YAML documents.
import { resolve } from 'node:path';
import { toKubectlYaml } from '../../../printers/yaml.js';
import type { Io } from '../../shared/io.js';
import { accumulateTarget } from './accumulate.js';
import { hashSuffix } from './hash.js';
import { isDir } from './kustomization.js';
import { fixBackReferences } from './nameref.js';
import { legacySort } from './sort.js';

export function kustomizeBuild(dir: string, cwd: string, warn: (line: string) => void): string {
  const root = resolve(cwd, dir);
  if (!isDir(root)) {
    throw new Error(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${root}: no such file or directory`);
  }
  const rs = accumulateTarget({ warn }, root);
  for (const r of rs) if (r.needsHash) r.rename(`${r.name}-${hashSuffix(r)}`);
  fixBackReferences(rs);
  const sorted = legacySort(rs);
  const unwritable = sorted.find((r) => r.writeError !== undefined);
  if (unwritable) throw new Error(unwritable.writeError);
  return sorted.map((r) => toKubectlYaml(r.obj)).join('---\n');
}

/** For -k: the build's YAML, warnings on stderr. */
export async function buildKustomization(dir: string, io: Io): Promise<string> {
  return kustomizeBuild(dir, io.cwd, (line) => io.stderr.write(`${line}\n`));
}
