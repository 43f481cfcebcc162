// The API schemas of a kube-apiserver v1.32 (upstream's OpenAPI, see scripts/openapi-extract.mjs):
// the published OpenAPI documents, and strict field validation against them.
export { unknownFields } from './unknown-fields.js';
export { v2Document, v3Document, v3Index } from './documents.js';
export { schemaNameOf, openapiData } from './data.js';
export type { GroupVersionKind, Schema } from './data.js';
