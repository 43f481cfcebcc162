// JSON patch (RFC 6902) as the apiserver applies it: gopkg.in/evanphx/json-patch.v4 (the one
// port in printers/gotypes), every failure becoming upstream's 422, whose message hides the
// cause (the cause is the detail).
import { applyJsonPatchV4, type PatchOperation } from '../../printers/gotypes/json-patch-v4.js';
import { unprocessable } from './errors.js';
import type { JsonMap, JsonValue } from './values.js';

/** One decoded operation: its members as sent (evanphx keeps them raw until used). */
export type JsonPatchOperation = PatchOperation;

/** Applies the operations in order to a copy of `original`; throws upstream's 422 on failure. */
export function applyJsonPatchOps(original: JsonMap, ops: JsonPatchOperation[]): JsonValue {
  try {
    return applyJsonPatchV4(original, ops) as JsonValue;
  } catch (err) {
    throw unprocessable((err as Error).message);
  }
}
