// kubectl's util/apply.go: the kubectl.kubernetes.io/last-applied-configuration annotation —
// the object serialized as UnstructuredJSONScheme does (json.Marshal, keys sorted, a final
// newline) without the annotation itself but with `annotations: {}` left behind, and read back.
import type { Obj } from '../../../../client/types.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** runtime.Encode(unstructured.UnstructuredJSONScheme, obj) */
export const encodeUnstructured = (obj: unknown): string => `${goJsonMarshal(obj)}\n`;

function metadata(obj: Obj): Record<string, unknown> {
  const o = obj as unknown as Record<string, unknown>;
  if (o.metadata === null || typeof o.metadata !== 'object') o.metadata = {};
  return o.metadata as Record<string, unknown>;
}

function annotations(obj: Obj): Record<string, string> {
  const a = metadata(obj).annotations;
  return a !== null && typeof a === 'object' ? { ...(a as Record<string, string>) } : {};
}

function setAnnotations(obj: Obj, annots: Record<string, string>): void {
  metadata(obj).annotations = annots;
}

/**
 * GetModifiedConfiguration: the object's JSON as apply sends it; with `annotate` the JSON carries
 * the annotation holding its own serialization. The object is left with the annotation it had
 * (an empty one when it had none), as the Go code leaves it.
 */
export function modifiedConfiguration(obj: Obj, annotate: boolean): string {
  const annots = annotations(obj);
  const original = annots[LAST_APPLIED] ?? '';
  delete annots[LAST_APPLIED];
  setAnnotations(obj, { ...annots });
  let modified = encodeUnstructured(obj);
  if (annotate) {
    setAnnotations(obj, { ...annots, [LAST_APPLIED]: modified });
    modified = encodeUnstructured(obj);
  }
  setAnnotations(obj, { ...annots, [LAST_APPLIED]: original });
  return modified;
}

/** CreateApplyAnnotation: the annotation set to the object's own serialization. */
export function createApplyAnnotation(obj: Obj): void {
  const modified = modifiedConfiguration(obj, false);
  setAnnotations(obj, { ...annotations(obj), [LAST_APPLIED]: modified });
}

/** CreateOrUpdateAnnotation: done with --save-config, or when the object already carries one. */
export function createOrUpdateAnnotation(create: boolean, obj: Obj): void {
  if (create || (originalConfiguration(obj) ?? '') !== '') createApplyAnnotation(obj);
}

/** GetOriginalConfiguration: the annotation's text, undefined when absent. */
export function originalConfiguration(obj: Obj): string | undefined {
  const a = (obj as unknown as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations;
  return a && LAST_APPLIED in a ? a[LAST_APPLIED] : undefined;
}

/** pruneNullsFromMap: null fields dropped, recursively (lists keep their null items). */
export function pruneNulls(v: unknown): void {
  if (Array.isArray(v)) {
    v.forEach(pruneNulls);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  const m = v as Record<string, unknown>;
  for (const k of Object.keys(m)) {
    if (m[k] === null) delete m[k];
    else pruneNulls(m[k]);
  }
}
