// The PATCH verb's core: pick the patch mechanism by Content-Type, decode the body and apply it
// to the current object, failing as the v1.32 apiserver's patch handler does.

import {
  decodeJsonPatch,
  decodeMergePatch,
  decodeStrategicPatch,
  type FieldValidation,
} from './decode.js';
import { fromMergeFailure, MergeFailure, PatchError, UnsupportedMediaTypeError } from './errors.js';
import { applyJsonPatchOps } from './json-patch.js';
import { jsonMergePatch } from './merge-patch.js';
import { schemaForKind, type PatchSchema, type SchemaKey } from './schema/lookup.js';
import { strategicMerge } from './strategic/merge.js';
import { deepCopy, isMap, type JsonMap, type JsonValue } from './values.js';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

export type PatchType = typeof JSON_PATCH | typeof MERGE_PATCH | typeof STRATEGIC_MERGE_PATCH;

/** What the apiserver lists as accepted: built-in resources, and custom resources. */
export const BUILTIN_PATCH_TYPES = [
  JSON_PATCH,
  MERGE_PATCH,
  STRATEGIC_MERGE_PATCH,
  APPLY_PATCH,
] as const;
export const CUSTOM_RESOURCE_PATCH_TYPES = [JSON_PATCH, MERGE_PATCH, APPLY_PATCH] as const;

export interface ApplyPatchOptions {
  /** The request's `fieldValidation` parameter; absent means Warn, as upstream. */
  fieldValidation?: FieldValidation;
}

/** The Content-Type without parameters (upstream cuts at the first ';' past position 0). */
export function patchMediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return semicolon > 0 ? contentType.slice(0, semicolon) : contentType;
}

/**
 * Applies a PATCH body to `original` (left untouched) and returns the patched object.
 * `type` is the request's Content-Type; `schemaKey` the kind being patched, which decides
 * whether strategic merge patch is possible and which list strategies apply.
 * Throws PatchError (UnsupportedMediaTypeError for 415) with upstream's status and message.
 */
export function applyPatch(
  type: string,
  original: object,
  patch: Buffer | string,
  schemaKey: SchemaKey,
  options: ApplyPatchOptions = {},
): object {
  const mediaType = patchMediaType(type);
  const schema = schemaForKind(schemaKey);
  const accepted: readonly string[] = schema ? BUILTIN_PATCH_TYPES : CUSTOM_RESOURCE_PATCH_TYPES;
  if (!accepted.includes(mediaType)) throw new UnsupportedMediaTypeError(accepted);
  if (mediaType === APPLY_PATCH) {
    throw new UnsupportedMediaTypeError(accepted.filter((t) => t !== APPLY_PATCH));
  }
  const body = typeof patch === 'string' ? Buffer.from(patch, 'utf8') : patch;
  const current = original as JsonMap;
  const validation = options.fieldValidation ?? 'Warn';
  if (mediaType === JSON_PATCH) {
    return asObject(applyJsonPatchOps(current, decodeJsonPatch(body, validation)));
  }
  if (mediaType === MERGE_PATCH) {
    return applyMergePatch(current, decodeMergePatch(body, validation));
  }
  return applyStrategic(current, decodeStrategicPatch(body), schema as PatchSchema);
}

function applyMergePatch(current: JsonMap, patch: JsonMap | JsonValue[]): object {
  if (Array.isArray(patch)) return asObject(deepCopy(patch));
  return jsonMergePatch(current, patch);
}

function applyStrategic(current: JsonMap, patch: JsonMap, schema: PatchSchema): object {
  try {
    return strategicMerge(current, patch, schema);
  } catch (err) {
    if (err instanceof MergeFailure) throw fromMergeFailure(err);
    throw err;
  }
}

/** The anonymous struct runtime's SimpleMetaFactory decodes apiVersion and kind into. */
const FIND_KIND_TYPE =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; ' +
  'Kind string "json:\\"kind,omitempty\\"" }';

/** A patched document that is no object fails to decode into the resource: 422 Invalid. */
function asObject(result: JsonValue): JsonMap {
  if (isMap(result)) return result;
  const json = JSON.stringify(result);
  const decodeError = `couldn't get version/kind; json parse error: json: cannot unmarshal ${
    Array.isArray(result) ? 'array' : typeof result
  } into Go value of type ${FIND_KIND_TYPE}`;
  const message = ` "" is invalid: patch: Invalid value: ${JSON.stringify(json)}: ${decodeError}`;
  throw new PatchError(422, 'Invalid', message);
}
