// The OpenAPI v3 documents kubectl's patcher reads (openapi3.Root): /openapi/v3 lists a document
// per group-version; a kind supports strategic merge patch when its PATCH operation accepts
// application/strategic-merge-patch+json, and its schema (the component whose
// x-kubernetes-group-version-kind names it) gives the patch strategies and merge keys.
import type { RestClient } from '../../../../client/rest.js';
import { requestJson, viaDiscoveryClient } from '../../resource/request.js';
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
  private v2Doc?: Promise<unknown>;

  constructor(private readonly client: RestClient) {}

  private paths(): Promise<Record<string, { serverRelativeURL?: string }>> {
    this.root ??= requestJson<{ paths?: Record<string, { serverRelativeURL?: string }> }>(this.client, 'GET', viaDiscoveryClient(this.client, '/openapi/v3'))
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
        return url === undefined ? undefined : requestJson<GvDocument>(this.client, 'GET', viaDiscoveryClient(this.client, url));
      });
      this.docs.set(key, doc);
    }
    return doc;
  }

  /** The /openapi/v2 document, read once (what the legacy verifier and client-side validation use). */
  private v2(): Promise<unknown> {
    this.v2Doc ??= requestJson<unknown>(this.client, 'GET', viaDiscoveryClient(this.client, '/openapi/v2'));
    return this.v2Doc;
  }

  /**
   * The validator's check of a document before it is decoded (--validate strict or warn):
   * whether the server takes ?fieldValidation= for its kind, from the group-version's v3
   * document; when v3 cannot be read, from /openapi/v2. A List is checked client-side, against
   * the v2 schema. Throws when no document can be read.
   */
  async verifyFieldValidation(gvk: Gvk): Promise<void> {
    if (gvk.group === '' && gvk.version === 'v1' && gvk.kind === 'List') {
      await this.v2();
      return;
    }
    try {
      await this.gvSpec(gvk.group, gvk.version);
    } catch {
      await this.v2().catch((err: unknown) => { throw new Error(`failed to download openapi: ${(err as Error).message}`); });
    }
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

/** f.Validator(directive): nothing with --validate=false/ignore, else the server check of each document. */
export function fieldValidationVerifier(validation: string, openapi: OpenApiV3): ((gvk: Gvk) => Promise<void>) | undefined {
  return validation === 'Ignore' ? undefined : (gvk) => openapi.verifyFieldValidation(gvk);
}
