// Walking the patch-metadata tables the way strategicpatch.PatchMetaFromStruct walks Go types:
// one step per JSON key, yielding the sub-schema and the field's patch strategy and merge key.

import { MergeFailure } from '../errors.js';
import { CORE_V1_TYPES, META_V1_TYPES } from './core.js';
import { CLUSTER_TYPES, WORKLOAD_TYPES } from './groups.js';
import { KIND_ROOTS } from './kinds.js';
import { NO_PATCH_META, type FieldPatchMeta, type PatchMeta, type TypeTable } from './types.js';

/** Every struct with tagged fields (or leading to some), by qualified name. */
export const PATCH_TYPES: TypeTable = {
  ...META_V1_TYPES,
  ...CORE_V1_TYPES,
  ...WORKLOAD_TYPES,
  ...CLUSTER_TYPES,
};

/**
 * Where a value sits in the Go type tree:
 * - struct: `type` names its table entry; undefined for a struct (or map of scalars) with
 *   nothing tagged below it, where every field behaves by default;
 * - map: a Go map of objects or lists; descending into one of its values is an error upstream;
 * - opaque: a struct with custom JSON whose keys are no Go fields (runtime.RawExtension);
 * - scalar: the element of a list of strings (finalizers, podCIDRs).
 */
export type PatchSchema =
  | { readonly kind: 'struct'; readonly type?: string }
  | { readonly kind: 'map' }
  | { readonly kind: 'opaque'; readonly goName: string }
  | { readonly kind: 'scalar' };

export interface FieldLookup {
  readonly schema: PatchSchema;
  readonly meta: PatchMeta;
}

export const FREE_SCHEMA: PatchSchema = { kind: 'struct' };

export interface SchemaKey {
  group: string;
  version: string;
  kind: string;
}

/** schema.GroupVersionKind.String(). */
export function gvkString(key: SchemaKey): string {
  return `${key.group}/${key.version}, Kind=${key.kind}`;
}

/** The schema of a built-in kind, or undefined when the apiserver has no Go struct for it. */
export function schemaForKind(key: SchemaKey): PatchSchema | undefined {
  const root = KIND_ROOTS[gvkString(key)];
  return root === undefined ? undefined : { kind: 'struct', type: root };
}

/** reflect.Kind of the Go type behind a schema, as PatchMetaFromStruct.Name() prints it. */
export function schemaName(schema: PatchSchema): string {
  switch (schema.kind) {
    case 'map':
      return 'map';
    case 'scalar':
      return 'string';
    default:
      return 'struct';
  }
}

/** extractRetainKeysPatchStrategy: the strategy besides retainKeys. */
function parseMeta(field: FieldPatchMeta): PatchMeta {
  const strategies = (field.strategy ?? '').split(',');
  const strategy = strategies.find((s) => s !== 'retainKeys') ?? '';
  return { strategy, mergeKey: field.key ?? '' };
}

function elementSchema(field: FieldPatchMeta): PatchSchema {
  const ref = field.type;
  if (ref === 'map') return { kind: 'map' };
  if (ref?.startsWith('opaque:')) return { kind: 'opaque', goName: ref.slice('opaque:'.length) };
  if (ref !== undefined) return { kind: 'struct', type: ref };
  return field.strategy === 'merge' && field.key === undefined ? { kind: 'scalar' } : FREE_SCHEMA;
}

/**
 * LookupPatchMetadataForStruct / ForSlice: the schema of `key`'s value (of its elements, for a
 * list) and its patch metadata. Throws where upstream's reflection fails.
 */
export function lookupField(schema: PatchSchema, key: string): FieldLookup {
  switch (schema.kind) {
    case 'map':
      throw new MergeFailure(
        'merging an object in json but data type is not struct, instead is: map',
      );
    case 'scalar':
      throw new MergeFailure(
        'merging an object in json but data type is not struct, instead is: string',
      );
    case 'opaque':
      throw new MergeFailure(
        `unable to find api field in struct ${schema.goName} ` +
          `for the json field ${JSON.stringify(key)}`,
      );
    default: {
      const field = schema.type === undefined ? undefined : PATCH_TYPES[schema.type]?.[key];
      if (field === undefined) return { schema: FREE_SCHEMA, meta: NO_PATCH_META };
      return { schema: elementSchema(field), meta: parseMeta(field) };
    }
  }
}
