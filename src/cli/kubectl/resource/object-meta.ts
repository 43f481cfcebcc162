// The builder's metadataValidatingDecoder: an unstructured object's metadata must also decode into
// ObjectMeta (as the `metadata` field of its metadataOnlyObject), or the document fails with the
// decoder's text, e.g. `json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels
// of type string`, or a timestamp's time.Parse error. The fields are decoded in the document's order.
import { fieldUnmarshalError } from '../../../printers/gotypes/unmarshal.js';

/** Why the object's metadata does not fit ObjectMeta; undefined when it does. */
export function metadataError(obj: Record<string, unknown>): string | undefined {
  if (!('metadata' in obj)) return undefined;
  return fieldUnmarshalError('metadataOnlyObject', 'metadata', 'meta/v1.ObjectMeta', 'v1.ObjectMeta', obj.metadata);
}
