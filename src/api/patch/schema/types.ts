// The patch metadata of the built-in types, as data: for each Go struct (named by its package
// path under k8s.io/api, e.g. 'core/v1.PodSpec', or 'meta/v1.ObjectMeta') the JSON fields whose
// `patchStrategy` / `patchMergeKey` struct tags matter, or whose type leads to such fields.
//
// A field left out of a struct's entry has no tags and nothing tagged below it: maps merge
// recursively, lists are replaced — exactly what upstream does for such a field.

/** The `patchStrategy` struct tag (comma-separated; 'retainKeys' only matters to clients). */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

/**
 * What a field's (element) type is, when it matters:
 * - a struct name from the tables ('core/v1.Container');
 * - 'map': a Go map whose values are objects or lists (strategic merge cannot descend into them);
 * - 'opaque:<GoName>': a struct with custom JSON (runtime.RawExtension), whose keys are unknown.
 */
export type TypeRef = string;

export interface FieldPatchMeta {
  readonly strategy?: PatchStrategy;
  /** `patchMergeKey`: the element field that identifies list items. */
  readonly key?: string;
  /** For a list, the element type; otherwise the field's own type. */
  readonly type?: TypeRef;
}

export type StructPatchMeta = Readonly<Record<string, FieldPatchMeta>>;
export type TypeTable = Readonly<Record<string, StructPatchMeta>>;

/** The parsed tag: the list/map strategy besides retainKeys, and the merge key. */
export interface PatchMeta {
  readonly strategy: string;
  readonly mergeKey: string;
}

export const NO_PATCH_META: PatchMeta = { strategy: '', mergeKey: '' };
