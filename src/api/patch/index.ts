// The apiserver's PATCH mechanisms: JSON patch, JSON merge patch and strategic merge patch.

export {
  APPLY_PATCH,
  applyPatch,
  BUILTIN_PATCH_TYPES,
  CUSTOM_RESOURCE_PATCH_TYPES,
  JSON_PATCH,
  MERGE_PATCH,
  patchMediaType,
  STRATEGIC_MERGE_PATCH,
  type ApplyPatchOptions,
  type PatchType,
} from './apply.js';
export { MAX_JSON_PATCH_OPERATIONS, type FieldValidation } from './decode.js';
export {
  GENERIC_422_MESSAGE,
  PatchError,
  UnsupportedMediaTypeError,
  type PatchErrorReason,
  type PatchStatus,
} from './errors.js';
export { jsonMergePatch } from './merge-patch.js';
export { gvkString, schemaForKind, type PatchSchema, type SchemaKey } from './schema/lookup.js';
export { strategicMerge } from './strategic/merge.js';
export type { JsonMap, JsonValue } from './values.js';
