// The schemas a kube-apiserver v1.32 publishes, read once (on first use) from
// fixtures/openapi/kube-v1.32.json.gz, which scripts/openapi-extract.mjs builds from upstream's
// api/openapi-spec and Go API types: OpenAPI v3 schemas (components.schemas), and the upstream v2
// paths and shared parameters of the served group-versions.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { fixturePath } from '../fixtures.js';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** An OpenAPI schema as Kubernetes publishes it (v3 shape: `$ref` with siblings sits in allOf). */
export interface Schema {
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
  default?: unknown;
  enum?: unknown[];
  required?: string[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  [extension: string]: unknown;
}

/** An upstream OpenAPI v2 operation or parameter, kept as published. */
export type V2Object = Record<string, unknown>;

export interface OpenApiData {
  kubernetes: string;
  schemas: Record<string, Schema>;
  /** Upstream v2 path items by path (`#/definitions/` and `#/parameters/` refs). */
  paths: Record<string, Record<string, unknown>>;
  parameters: Record<string, V2Object>;
}

export const DATA_FILE = join('fixtures', 'openapi', 'kube-v1.32.json.gz');

/** The package's data file, found by walking up from this module (src/ or dist/). */
export function dataPath(from: string = dirname(fileURLToPath(import.meta.url))): string {
  return fixturePath(DATA_FILE, 'the OpenAPI data', from);
}

let cached: OpenApiData | undefined;

export function openapiData(): OpenApiData {
  cached ??= JSON.parse(gunzipSync(readFileSync(dataPath())).toString('utf8')) as OpenApiData;
  return cached;
}

export const SCHEMA_PREFIX = '#/components/schemas/';

/** The name a `$ref` points at (`#/components/schemas/io.k8s.api.core.v1.Pod` → `io.k8s.api.core.v1.Pod`). */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

let byGvk: Map<string, string> | undefined;

const gvkKey = (g: GroupVersionKind): string => `${g.group}/${g.version}/${g.kind}`;

/** The schema name of a kind (by x-kubernetes-group-version-kind; a kind's own definition wins). */
export function schemaNameOf(gvk: GroupVersionKind): string | undefined {
  if (!byGvk) {
    byGvk = new Map();
    for (const [name, s] of Object.entries(openapiData().schemas)) {
      const kinds = s['x-kubernetes-group-version-kind'] ?? [];
      for (const k of kinds) if (kinds.length === 1 || !byGvk.has(gvkKey(k))) byGvk.set(gvkKey(k), name);
    }
  }
  return byGvk.get(gvkKey(gvk));
}
