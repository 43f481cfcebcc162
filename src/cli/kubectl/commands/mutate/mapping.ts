// The REST mappings the builder needs: from a TYPE argument (`deploy`, `deployments.apps`), and
// from an object's apiVersion and kind (RESTMapping(groupKind, version)) with the NoKindMatch text.
import type { ApiResource, RestMapper } from '../../discovery/mapper.js';
import type { BuilderEnv } from './builder-types.js';

export async function mappingFor(env: BuilderEnv, arg: string, attempts: number): Promise<ApiResource> {
  const mapper = await env.mapper(attempts);
  return mapper.resolve(arg);
}

export class NoKindMatchError extends Error {}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** RESTMapping for an object; `XList` kinds map when X does, `List` always (nothing to map). */
export async function mappingForKind(env: BuilderEnv, apiVersion: string, kind: string, attempts: number): Promise<ApiResource | undefined> {
  const mapper = await env.mapper(attempts);
  const { group, version } = splitApiVersion(apiVersion);
  const find = (m: RestMapper, k: string): ApiResource | undefined => m.resources.find((r) =>
    r.group === group && r.kind === k && (version === '' ? r.preferred : r.version === version));
  // `List` and `XList` map (to nothing to fetch) without a miss; anything else not found is one.
  const mapped = await mapper.lookup((m) => {
    const found = find(m, kind);
    if (found) return { found };
    return kind === 'List' || (kind.endsWith('List') && find(m, kind.slice(0, -4))) ? { found: undefined } : undefined;
  });
  if (mapped) return mapped.found;
  throw new NoKindMatchError(`no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`);
}
