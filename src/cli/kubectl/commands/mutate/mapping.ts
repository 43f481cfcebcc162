// The REST mappings the builder needs: from a TYPE argument (`deploy`, `deployments.apps`), and
// from an object's apiVersion and kind (RESTMapping(groupKind, version)) with the NoKindMatch text.
import type { ApiResource, RestMapper } from '../../discovery/mapper.js';
import type { BuilderEnv } from './builder-types.js';
import { ConfigError } from '../../../../client/clientcmd.js';
import { AggregateError } from '../../errors.js';

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

/**
 * ReplaceAliases needs discovery for each comma-separated TYPE; an unusable config adds one error
 * per TYPE. One prints as a configuration error; several print errConfigurationInvalid's text each.
 */
export function aliasConfigError(err: unknown, arg: string): unknown {
  if (!(err instanceof ConfigError)) return err;
  const types = arg.split(',').length;
  if (types === 1) return new ConfigError(err.message, true, err.errors);
  const text = `invalid configuration: ${err.errors.length === 1 ? err.errors[0]! : `[${err.errors.join(', ')}]`}`;
  return new AggregateError(Array.from({ length: types }, () => new Error(text)));
}

/** The REST mapper for a command's `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…` arguments (get's). */
export function mapperForArgs(mapper: Promise<RestMapper>, args: readonly string[]): Promise<RestMapper> {
  // TYPE arguments go through ReplaceAliases first (TYPE/NAME ones do not)
  const typeArg = args.some((a) => a.includes('/')) ? undefined : args[0];
  return mapper.catch((err: unknown) => {
    throw typeArg === undefined ? err : aliasConfigError(err, typeArg);
  });
}
