// The OpenAPI documents: /openapi/v2, the /openapi/v3 index and one v3 document per served
// group-version. Each is built on first request and kept; the index names every document with
// the hash of its content (upstream: SHA-512, upper-case hex), which clients cache by.
import { createHash } from 'node:crypto';
import { servedGroups } from '../resources/index.js';
import { SERVER_VERSION } from '../version.js';
import { openapiData } from './data.js';
import type { Schema } from './data.js';
import { pathItemV3, refsIn, schemaClosure, schemaV2 } from './convert.js';
import { docPath, servedPathItems } from './paths.js';
import type { PathItem } from './paths.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { customV3Document } from '../crd/openapi.js';

const INFO = { title: 'Kubernetes', version: SERVER_VERSION.gitVersion!.split('-')[0]! };
const BEARER = { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' };

interface Built {
  doc: unknown;
  hash: string;
}

const v3Cache = new Map<string, Built>();
let v2Cache: unknown;

function servedGroupVersions(): { group: string; version: string }[] {
  return servedGroups().flatMap((g) => g.versions.map((version) => ({ group: g.group, version })));
}

function hashOf(doc: unknown): string {
  return createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();
}

function buildV3(group: string, version: string): unknown {
  const items = servedPathItems(group, version);
  const paths: Record<string, PathItem> = {};
  for (const p of Object.keys(items).sort()) paths[p] = pathItemV3(items[p]!);
  return {
    components: { schemas: schemaClosure(refsIn(paths)), securitySchemes: { BearerToken: BEARER } },
    info: INFO,
    openapi: '3.0.0',
    paths,
  };
}

function built(path: string): Built | undefined {
  const clean = path.split('?')[0]!.replace(/\/+$/, '');
  const gv = servedGroupVersions().find((x) => docPath(x.group, x.version) === clean);
  if (!gv) return undefined;
  let entry = v3Cache.get(clean);
  if (!entry) {
    const doc = buildV3(gv.group, gv.version);
    entry = { doc, hash: hashOf(doc) };
    v3Cache.set(clean, entry);
  }
  return entry;
}

/** The custom resources' group-versions, each with its resources. */
function customGroupVersions(extra: readonly ResourceDescriptor[]): Map<string, ResourceDescriptor[]> {
  const out = new Map<string, ResourceDescriptor[]>();
  for (const d of extra) {
    const p = docPath(d.group, d.version);
    (out.get(p) ?? out.set(p, []).get(p)!).push(d);
  }
  return out;
}

/** The v3 document of a group-version (`api/v1`, `apis/apps/v1`), or undefined; `extra`: the custom resources. */
export function v3Document(path: string, extra: readonly ResourceDescriptor[] = []): unknown | undefined {
  const custom = customGroupVersions(extra).get(path.split('?')[0]!.replace(/\/+$/, ''));
  return built(path)?.doc ?? (custom && customV3Document(custom));
}

/** The /openapi/v3 index: each group-version's document with the hash of its content. */
export function v3Index(extra: readonly ResourceDescriptor[] = []): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of servedGroupVersions()) {
    const p = docPath(group, version);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${built(p)!.hash}` };
  }
  for (const [p, ds] of customGroupVersions(extra)) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(customV3Document(ds))}` };
  return { paths: Object.fromEntries(Object.keys(paths).sort().map((k) => [k, paths[k]!])) };
}

/** /openapi/v2: every served path, with the definitions and shared parameters they use. */
export function v2Document(): unknown {
  if (v2Cache) return v2Cache;
  const paths: Record<string, PathItem> = {};
  for (const { group, version } of servedGroupVersions()) Object.assign(paths, servedPathItems(group, version));
  const sorted = Object.fromEntries(Object.keys(paths).sort().map((p) => [p, paths[p]!]));
  const refs = refsIn(sorted);
  const definitions: Record<string, Schema> = {};
  for (const [name, s] of Object.entries(schemaClosure(refs))) definitions[name] = schemaV2(s);
  const { parameters } = openapiData();
  v2Cache = {
    definitions,
    info: INFO,
    parameters: Object.fromEntries([...refs].filter((r) => parameters[r]).sort().map((r) => [r, parameters[r]])),
    paths: sorted,
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: BEARER },
    swagger: '2.0',
  };
  return v2Cache;
}
