// Decoding a PATCH body per patch type, failing with the status and words the v1.32 apiserver's
// patch handler uses. fieldValidation matters: without the query parameter the server uses
// Warn, which decodes JSON and merge patches strictly first ("error decoding patch: ...").

import { badRequest, entityTooLarge, type PatchError } from './errors.js';
import { GoJsonSyntaxError, jsonTypeWord, parseGoJson } from './go-json.js';
import type { JsonPatchOperation } from './json-patch.js';
import { isMap, type JsonMap, type JsonValue } from './values.js';

/** The `fieldValidation` query parameter; the apiserver's default is Warn. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** maxJSONPatchOperations in the apiserver's patch handler. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const GO_MAP_TYPE = 'map[string]interface {}';

function unmarshalTypeError(v: JsonValue, goType: string): string {
  return `json: cannot unmarshal ${jsonTypeWord(v)} into Go value of type ${goType}`;
}

/** Parses the body; a syntax error becomes `onSyntax(Go's message)`. */
function parse(body: Buffer, onSyntax: (message: string) => PatchError): JsonValue {
  try {
    return parseGoJson(body);
  } catch (err) {
    if (err instanceof GoJsonSyntaxError) throw onSyntax(err.message);
    throw err;
  }
}

const strictDecodeError = (message: string): PatchError =>
  badRequest(`error decoding patch: ${message}`);

/** kjson.UnmarshalStrict into []jsonPatchOp: the first type error, in document order. */
function strictJsonPatchTypeError(value: JsonValue): string | undefined {
  if (value === null) return undefined;
  if (!Array.isArray(value)) return unmarshalTypeError(value, '[]handlers.jsonPatchOp');
  for (const op of value) {
    if (op === null) continue;
    if (!isMap(op)) return unmarshalTypeError(op, 'handlers.jsonPatchOp');
    for (const field of ['op', 'path', 'from'] as const) {
      const v = op[field];
      if (v !== undefined && v !== null && typeof v !== 'string') {
        const what = jsonTypeWord(v);
        return `json: cannot unmarshal ${what} into Go struct field jsonPatchOp.${field} of type string`;
      }
    }
  }
  return undefined;
}

/** jsonpatch.DecodePatch: a list of objects (null items are operations with no members). */
function evanphxTypeError(value: JsonValue): string | undefined {
  if (value === null) return undefined;
  if (!Array.isArray(value)) return unmarshalTypeError(value, 'jsonpatch.Patch');
  const bad = value.find((op) => op !== null && !isMap(op));
  return bad === undefined ? undefined : unmarshalTypeError(bad, 'jsonpatch.Operation');
}

export function decodeJsonPatch(body: Buffer, validation: FieldValidation): JsonPatchOperation[] {
  const strict = validation !== 'Ignore';
  const value = parse(body, strict ? strictDecodeError : badRequest);
  const strictError = strict ? strictJsonPatchTypeError(value) : undefined;
  if (strictError !== undefined) throw strictDecodeError(strictError);
  const typeError = evanphxTypeError(value);
  if (typeError !== undefined) throw badRequest(typeError);
  const ops = Array.isArray(value) ? value.map((op) => (isMap(op) ? op : {})) : [];
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw entityTooLarge(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, ` +
        `got ${ops.length}`,
    );
  }
  return ops;
}

/**
 * A merge patch body: an object, or (with fieldValidation=Ignore only) an array, which replaces
 * the whole document. Anything else is "Invalid JSON Patch".
 */
export function decodeMergePatch(body: Buffer, validation: FieldValidation): JsonMap | JsonValue[] {
  const invalid = (): PatchError => badRequest('Invalid JSON Patch');
  if (validation !== 'Ignore') {
    const value = parse(body, strictDecodeError);
    if (value !== null && !isMap(value)) {
      throw strictDecodeError(unmarshalTypeError(value, GO_MAP_TYPE));
    }
    if (value === null) throw invalid();
    return value;
  }
  const value = parse(body, invalid);
  if (isMap(value) || Array.isArray(value)) return value;
  throw invalid();
}

/** A strategic merge patch body: an object (null counts as an empty one). */
export function decodeStrategicPatch(body: Buffer): JsonMap {
  const value = parse(body, badRequest);
  if (value === null) return {};
  if (!isMap(value)) throw badRequest(unmarshalTypeError(value, GO_MAP_TYPE));
  return value;
}
