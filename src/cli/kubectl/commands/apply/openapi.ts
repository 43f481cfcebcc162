// The OpenAPI v3 documents kubectl's patcher reads (openapi3.Root): /openapi/v3 lists a document
// per group-version; a kind supports strategic merge patch when its PATCH operation accepts
// application/strategic-merge-patch+json, and its schema (the component whose
// x-kubernetes-group-version-kind names it) gives the patch strategies and merge keys.
import type { RestClient } from '../../../../client/rest.js';
import { requestJson } from '../../resource/request.js';
import { OpenApiLookup, type Lookup, type OpenApiSchema, type SchemaTable } from './patch/meta.js';

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

interface Operation {
  'x-kubernetes-group-version-kind'?: Partial<Gvk>;
  requestBody?: { content?: Record<string, unknown> };
}

interface GvDocument {
  paths?: Record<string, { patch?: Operation }>;
  components?: { schemas?: SchemaTable };
}

const STRATEGIC = 'application/strategic-merge-patch+json';

const sameGvk = (a: Partial<Gvk> | undefined, b: Gvk): boolean =>
  a !== undefined && (a.group ?? '') === b.group && (a.version ?? '') === b.version && (a.kind ?? '') === b.kind;

export class OpenApiV3 {
  private root?: Promise<Record<string, { serverRelativeURL?: string }>>;
  private readonly docs = new Map<string, Promise<GvDocument | undefined>>();

  constructor(private readonly client: RestClient) {}

  private paths(): Promise<Record<string, { serverRelativeURL?: string }>> {
    this.root ??= requestJson<{ paths?: Record<string, { serverRelativeURL?: string }> }>(this.client, 'GET', '/openapi/v3')
      .then((r) => r.paths ?? {});
    return this.root;
  }

  /** GVSpec: the group-version's document; undefined when the server lists none. */
  gvSpec(group: string, version: string): Promise<GvDocument | undefined> {
    const key = group === '' ? `api/${version}` : `apis/${group}/${version}`;
    let doc = this.docs.get(key);
    if (!doc) {
      doc = this.paths().then((paths) => {
        const url = paths[key]?.serverRelativeURL;
        return url === undefined ? undefined : requestJson<GvDocument>(this.client, 'GET', url);
      });
      this.docs.set(key, doc);
    }
    return doc;
  }

  /** gvkSupportsPatchOpenAPIV3 (false when the document is missing or says no). */
  async supportsStrategic(gvk: Gvk): Promise<boolean> {
    const doc = await this.gvSpec(gvk.group, gvk.version).catch(() => undefined);
    for (const path of Object.values(doc?.paths ?? {})) {
      const op = path.patch;
      if (!op || !sameGvk(op['x-kubernetes-group-version-kind'], gvk)) continue;
      return op.requestBody?.content !== undefined && STRATEGIC in op.requestBody.content;
    }
    return false;
  }

  /** The patch metadata lookup for the kind's schema. */
  async lookup(gvk: Gvk): Promise<Lookup | undefined> {
    const schemas = (await this.gvSpec(gvk.group, gvk.version))?.components?.schemas ?? {};
    for (const s of Object.values(schemas)) {
      const list = (s as OpenApiSchema)['x-kubernetes-group-version-kind'];
      if (Array.isArray(list) && list.some((g) => sameGvk(g as Partial<Gvk>, gvk))) return new OpenApiLookup(s, schemas);
    }
    return undefined;
  }
}
