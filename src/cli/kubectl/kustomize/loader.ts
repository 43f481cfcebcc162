// kustomize's file loader (loader.FileLoader with LoadRestrictionsRootOnly), and resource ids.
import { readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Resource } from './resource.js';
import { CLUSTER_SCOPED } from './specs.js';

/** Load: a file in or below root, with the loader's words when it cannot be read. */
export function loadFileBytes(root: string, rel: string): Buffer {
  const abs = resolve(root, rel);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw new Error(`evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`);
  }
  const base = realpathSync(root);
  if (real !== base && !real.startsWith(base + sep)) throw new Error(`security; file '${real}' is not in or below '${base}'`);
  return readFileSync(real);
}

export const loadFile = (root: string, rel: string): string => loadFileBytes(root, rel).toString('utf8');

export interface Id { group: string; version: string; kind: string; name: string; namespace: string }

/** ResId.String: Kind.version.group/name.namespace, with kustomize's placeholders. */
export function idString(id: Id): string {
  return `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}

/** ResId.EffectiveNamespace: cluster-scoped kinds have none; '' is default. */
export function effectiveNamespace(kind: string, ns: string): string {
  if (CLUSTER_SCOPED.has(kind)) return '_non_namespaceable_';
  return ns === '' || ns === 'default' ? 'default' : ns;
}

export const currentId = (r: Resource): Id => ({ ...r.gvk(), name: r.name, namespace: r.namespace });

/** PrevIds and CurId: every id the resource has had. */
export const resourceIds = (r: Resource): Id[] => [...r.previous.map((p) => ({ ...r.gvk(), ...p })), currentId(r)];

/** ResId.Equals */
export function sameId(a: Id, b: Id): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name
    && effectiveNamespace(a.kind, a.namespace) === effectiveNamespace(b.kind, b.namespace);
}

/** resWrangler.AppendAll: refuses a resource whose current id is already there. */
export function appendAll(into: Resource[], more: Resource[]): void {
  for (const r of more) {
    const id = currentId(r);
    if (into.some((x) => sameId(currentId(x), id))) throw new Error(`may not add resource with an already registered id: ${idString(id)}`);
    into.push(r);
  }
}
