// cli-runtime's resource.Info: one object a command acts on — its mapping (when not local),
// namespace, name, where it came from, and the object once read (from a file or the server).
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, type Obj, type ResourceRef } from '../../../../client/types.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { collectionPath, objectPath, query } from '../../resource/paths.js';
import { requestJson, TYPED_ACCEPT, typedError } from '../../resource/request.js';

export interface Info {
  /** the REST mapping; absent for --local objects */
  mapping?: ApiResource;
  namespace: string;
  name: string;
  /** the file or URL the object was read from */
  source?: string;
  object?: Obj;
  subresource?: string;
}

/** Namespaced(): from the mapping, or (local objects) whether a namespace is set. */
export function isNamespaced(info: Info): boolean {
  return info.mapping ? info.mapping.namespaced : info.namespace !== '';
}

/** Sets (or, empty, removes) metadata.namespace on the info's object. */
export function setObjectNamespace(info: Info): void {
  const o = info.object;
  if (!o) return;
  if (info.namespace === '') {
    if (o.metadata && 'namespace' in o.metadata) delete o.metadata.namespace;
    return;
  }
  o.metadata = { ...(o.metadata ?? {}), namespace: info.namespace };
}

/** `pods/web`: Info.ObjectName with a mapping. */
export const objectName = (info: Info): string => `${info.mapping?.resource ?? ''}/${info.name}`;

/** `pod`, `deployment.apps`: a mapping's kind and group as kubectl prints them. */
export function kindString(r: { kind: string; group: string }): string {
  const kind = r.kind.toLowerCase();
  return r.group === '' ? kind : `${kind}.${r.group}`;
}

export const apiVersionOf = (r: ResourceRef): string => (r.group === '' ? r.version : `${r.group}/${r.version}`);

/** Info.Get: the object from the server; a missing object in a missing namespace reports the namespace. */
export async function retrieve(client: RestClient, info: Info, accept?: string, includeObject?: string, typed = false): Promise<void> {
  const r = info.mapping;
  if (!r) return;
  const decode = (err: unknown): unknown => (typed && err instanceof ApiError ? typedError(err.status) : err);
  const wanted = accept ?? (typed ? TYPED_ACCEPT : undefined);
  try {
    info.object = await requestJson<Obj>(client, 'GET', objectPath(r, info.namespace || undefined, info.name, info.subresource) + query({ includeObject }), wanted ? { accept: wanted } : {});
  } catch (err) {
    const ns = info.namespace;
    if (err instanceof ApiError && err.status.reason === 'NotFound' && ns !== '' && ns !== 'default') {
      try {
        await requestJson(client, 'GET', `/api/v1/namespaces/${encodeURIComponent(ns)}`, typed ? { accept: TYPED_ACCEPT } : {});
      } catch (nsErr) {
        if (nsErr instanceof ApiError && nsErr.status.reason === 'NotFound') throw decode(nsErr);
      }
    }
    throw decode(err);
  }
}

export const isNotFoundError = (e: unknown): boolean => e instanceof ApiError && e.status.reason === 'NotFound';

export { collectionPath, objectPath };
