// The RESTMapper kubectl builds from aggregated discovery (/api and /apis as
// apidiscovery.k8s.io/v2): resource names, singulars, kinds and short names resolved to a
// group/version/resource, preferred versions first, core before named groups.
import type { RestClient } from '../../../client/rest.js';
import type { ResourceRef } from '../../../client/types.js';
import type { Io } from '../../shared/io.js';
import { klog } from '../klog.js';

export interface ApiResource extends ResourceRef {
  singular: string;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** every version the group serves this resource in, preferred first */
  preferred: boolean;
}

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface AggResource {
  resource: string;
  responseKind?: { group?: string; version?: string; kind?: string };
  scope?: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

interface AggList {
  items?: { metadata?: { name?: string }; versions?: { version: string; resources?: AggResource[]; freshness?: string }[] }[];
}

/** `the server doesn't have a resource type "x"` (meta.NoKindMatchError / NoResourceMatchError). */
export class NoResourceMatchError extends Error {
  constructor(readonly resourceType: string) {
    super(`the server doesn't have a resource type ${JSON.stringify(resourceType)}`);
  }
}

function flatten(list: AggList): ApiResource[] {
  const out: ApiResource[] = [];
  for (const g of list.items ?? []) {
    const group = g.metadata?.name ?? '';
    // A Stale version (its APIService unavailable) is left out, as client-go's split drops it.
    (g.versions ?? []).filter((v) => v.freshness !== 'Stale').forEach((v, i) => {
      for (const r of v.resources ?? []) {
        out.push({
          group, version: v.version, resource: r.resource, kind: r.responseKind?.kind ?? '',
          namespaced: r.scope === 'Namespaced', singular: r.singularResource ?? r.resource,
          shortNames: r.shortNames ?? [], categories: r.categories ?? [], verbs: r.verbs ?? [], preferred: i === 0,
        });
      }
    });
  }
  return out;
}

export class RestMapper {
  constructor(readonly resources: ApiResource[]) {}

  static async load(client: RestClient, io: Io, timeout: string, attempts: number): Promise<RestMapper> {
    const lists: AggList[] = [];
    for (const path of ['/api', '/apis']) {
      try {
        const r = await client.raw('GET', `${path}?timeout=${timeout}`, undefined, undefined, AGGREGATED);
        if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
        lists.push(JSON.parse(r.body) as AggList);
      } catch (err) {
        if (path === '/api') {
          const msg = `couldn't get current server API group list: ${(err as Error).message}`;
          for (let i = 0; i < attempts; i++) klog(io.stderr, 'E', 'memcache.go:265', `"Unhandled Error" err=${JSON.stringify(msg)}`);
        }
        throw err;
      }
    }
    return new RestMapper(lists.flatMap(flatten));
  }

  /** The preferred version's entry of every resource (what `api-resources` lists). */
  preferred(): ApiResource[] {
    return this.resources.filter((r) => r.preferred);
  }

  /** client-go's shortcut expander warning when a short name is shared (`ev`: core events win). */
  shortNameWarning(arg: string): string | undefined {
    const lower = arg.toLowerCase();
    const all = this.preferred().filter((r) => r.shortNames.includes(lower));
    if (all.length < 2 || this.preferred().some((r) => r.resource === lower || r.singular === lower)) return undefined;
    const other = all[1]!;
    return `Warning: short name ${JSON.stringify(lower)} could also match lower priority resource ${other.resource}.${other.group}\n`;
  }

  /** Resolves `pods`, `pod`, `po`, `Pod`, `deployments.apps`, `deployments.v1.apps`. */
  resolve(arg: string): ApiResource {
    const lower = arg.toLowerCase();
    const match = (name: string, group?: string, version?: string): ApiResource | undefined => this.resources.find((r) =>
      (group === undefined || r.group === group) && (version === undefined ? r.preferred : r.version === version) &&
      (r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name)));
    const plain = match(lower);
    if (plain) return plain;
    const parts = lower.split('.');
    for (let i = 1; i < parts.length; i++) {
      const name = parts.slice(0, i).join('.');
      const rest = parts.slice(i).join('.');
      const [v, ...g] = parts.slice(i);
      const withVersion = g.length > 0 ? match(name, g.join('.'), v) : undefined;
      const found = match(name, rest) ?? withVersion ?? (v && g.length === 0 ? match(name, '', v) : undefined);
      if (found) return found;
    }
    throw new NoResourceMatchError(parts[0] ?? arg);
  }

  /** The resources of a category (`all`), in discovery order. */
  category(name: string): ApiResource[] {
    return this.preferred().filter((r) => r.categories.includes(name));
  }
}
