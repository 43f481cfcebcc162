// OpenAPI documents: /openapi/v2, the /openapi/v3 index and the v3 document of each served
// group-version, with upstream v1.32's schemas and paths for the resources this apiserver serves
// (built by src/api/schema from fixtures/openapi). kubectl explains kinds from the v3 documents,
// computes apply's strategic merge patches from their x-kubernetes-patch-* extensions, and reads
// the PATCH operations' fieldValidation parameter to learn that validation is server-side.
import { v2Document, v3Document, v3Index } from '../schema/index.js';
import type { ResourceDescriptor } from '../resources/types.js';

export function openapiV3Index(extra: readonly ResourceDescriptor[] = []): unknown {
  return v3Index(extra);
}

export function openapiV3Doc(path: string, extra: readonly ResourceDescriptor[] = []): unknown | undefined {
  return v3Document(path, extra);
}

export function openapiV2(): unknown {
  return v2Document();
}
