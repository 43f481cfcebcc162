// The OpenAPI documents explain reads (client-go's openapi client and kubectl's v2 getter):
// the /openapi/v3 index of group-versions, one group-version's document by its
// serverRelativeURL (content-addressed by its ?hash=, so kept for the life of the process
// whichever server it came from), and the whole /openapi/v2 document (fetched every time).
import type { RestClient } from '../../../../client/rest.js';
import { statusOf } from '../../../../client/rest.js';
import { ApiError } from '../../../../client/types.js';
import { isMap, mapProp, prop, type JsonMap } from '../../../../printers/explain/values.js';
import { viaDiscoveryClient } from '../../resource/request.js';

const documents = new Map<string, Promise<JsonMap>>();

async function getJson(client: RestClient, path: string, accept: string): Promise<JsonMap> {
  const r = await client.raw('GET', viaDiscoveryClient(client, path), undefined, undefined, accept);
  if (r.status < 200 || r.status > 299) throw new ApiError(statusOf(r));
  const parsed: unknown = JSON.parse(r.body);
  if (!isMap(parsed)) throw new Error(`unexpected OpenAPI document at ${path}`);
  return parsed;
}

/** Paths(): group-version path (`api/v1`, `apis/apps/v1`) → its serverRelativeURL. */
export async function openapiV3Paths(client: RestClient): Promise<Map<string, string>> {
  const index = await getJson(client, '/openapi/v3', 'application/json, */*');
  const out = new Map<string, string>();
  for (const [gv, entry] of Object.entries(mapProp(index, 'paths') ?? {})) {
    const url = prop(entry, 'serverRelativeURL');
    if (typeof url === 'string') out.set(gv, url);
  }
  return out;
}

/** One group-version's v3 document. */
export function openapiV3Document(client: RestClient, serverRelativeUrl: string): Promise<JsonMap> {
  const key = serverRelativeUrl;
  let doc = documents.get(key);
  if (!doc) {
    doc = getJson(client, serverRelativeUrl, 'application/json');
    documents.set(key, doc);
    doc.catch(() => documents.delete(key));
  }
  return doc;
}

/** The /openapi/v2 document (asked for as JSON; kubectl asks for protobuf, the content is the same). */
export function openapiV2Document(client: RestClient): Promise<JsonMap> {
  return getJson(client, '/openapi/v2', 'application/json');
}
