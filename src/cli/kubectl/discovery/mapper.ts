// The RESTMapper kubectl builds from discovery (client-go's DeferredDiscoveryRESTMapper behind
// the shortcut expander): resource names, singulars, kinds and short names resolved to a
// group/version/resource, preferred versions first, core before named groups. Discovery comes
// from the disk cache when fresh; a lookup that misses on data read from the cache invalidates
// it, refetches and looks again (a CRD or short name added since the cache was written).
import type { ApiResource } from './api-resource.js';
import type { Io } from '../../shared/io.js';
import type { Klog } from '../klog.js';
import { logRefreshError, type CachedDiscovery } from './cached-discovery.js';
import type { ApiGroup, ApiResourceList } from './legacy.js';
import { mappingForArg, resourceOfArg } from './resource-arg.js';

export type { ApiResource } from './api-resource.js';

/** `the server doesn't have a resource type "x"` (meta.NoKindMatchError / NoResourceMatchError). */
export class NoResourceMatchError extends Error {
  constructor(readonly resourceType: string) {
    super(`the server doesn't have a resource type ${JSON.stringify(resourceType)}`);
  }
}

/**
 * NewDiscoveryRESTMapper's input as one list: every group version's resources in discovery
 * order, subresources left out, each marked preferred as ServerPreferredResources picks (the
 * group's preferred version, else the first version that has the resource).
 */
export function apiResources(groups: ApiGroup[], lists: Map<string, ApiResourceList>): ApiResource[] {
  const out: ApiResource[] = [];
  const chosen = new Map<string, ApiResource>();
  for (const g of groups) {
    for (const v of g.versions) {
      for (const r of lists.get(v.groupVersion)?.resources ?? []) {
        if (r.name.includes('/')) continue;
        const entry: ApiResource = {
          group: g.name, version: v.version, resource: r.name, kind: r.kind, namespaced: r.namespaced,
          singular: r.singularName || r.kind.toLowerCase(), shortNames: r.shortNames ?? [], categories: r.categories ?? [],
          verbs: r.verbs ?? [], preferred: false,
        };
        out.push(entry);
        const key = `${g.name}/${r.name}`;
        if (!chosen.has(key) || v.version === g.preferredVersion.version) chosen.set(key, entry);
      }
    }
  }
  for (const r of chosen.values()) r.preferred = true;
  return out;
}

/**
 * How many times kubectl v1.32.4 asks for discovery when it cannot load (cold or expired cache,
 * server down): `attempts`, each a request of its own (memcache keeps no failure). After a miss on
 * cached data resets discovery, fewer, since the cached read already ran the first lookups
 * (measured per command).
 */
const AFTER_RESET: Record<number, number> = { 5: 3, 4: 3, 2: 1, 1: 1 };

/**
 * After which attempt the shortcut expander logs its failure: the builder's category expansion
 * comes first (one attempt per comma-separated type), then the expander, then the deferred
 * mapper's three tries; a lookup by kind alone (-f) never reaches the expander.
 */
function shortcutAfter(attempts: number): number {
  if (attempts >= 4) return attempts - 3;
  return attempts > 1 ? 1 : 0;
}

interface Snapshot {
  groups: ApiGroup[];
  resources: ApiResource[];
}

async function snapshot(d: CachedDiscovery, io: Io, klog: Klog, attempts: number, shortcut = 0): Promise<Snapshot> {
  for (let attempt = 1; ; attempt++) {
    try {
      const all = await d.serverGroupsAndResources(io);
      return { groups: all.groups, resources: apiResources(all.groups, all.lists) };
    } catch (err) {
      // memcache's HandleError, then the cached client's V(3) note; the next call asks again
      logRefreshError(io, err);
      const why = (err as Error).message;
      klog.info(3, 'cached_discovery.go:120', `skipped caching discovery info due to ${why}`);
      if (attempt === shortcut) klog.info(1, 'shortcut.go:103', `Error loading discovery information: ${why}`);
      if (attempt >= attempts) throw err;
    }
  }
}

interface Source {
  discovery: CachedDiscovery;
  io: Io;
  klog: Klog;
  attempts: number;
}

export interface LoadOptions {
  io: Io;
  klog: Klog;
  /** how many times discovery is asked for when it cannot load */
  attempts: number;
  /** drop the cache first (api-resources without --cached) */
  invalidate?: boolean;
}

export class RestMapper {
  private readonly state: Snapshot;

  constructor(resources: ApiResource[], groups: ApiGroup[] = [], private readonly source?: Source) {
    this.state = { resources, groups };
  }

  /** GetAPIGroupResources through the cached discovery client. */
  static async load(discovery: CachedDiscovery, o: LoadOptions): Promise<RestMapper> {
    if (o.invalidate) discovery.invalidate();
    const s = await snapshot(discovery, o.io, o.klog, o.attempts, shortcutAfter(o.attempts));
    return new RestMapper(s.resources, s.groups, { discovery, io: o.io, klog: o.klog, attempts: AFTER_RESET[o.attempts] ?? o.attempts });
  }

  get resources(): ApiResource[] {
    return this.state.resources;
  }

  /** The server's groups (APIGroupList order, core first). */
  get groups(): ApiGroup[] {
    return this.state.groups;
  }

  /** Reset: `Invalidating discovery information`, then discovery again from the server. */
  async reset(): Promise<void> {
    const s = this.source;
    if (!s) return;
    s.klog.info(5, 'discovery.go:214', 'Invalidating discovery information');
    s.discovery.invalidate();
    Object.assign(this.state, await snapshot(s.discovery, s.io, s.klog, s.attempts));
  }

  /** A lookup the way the deferred mapper retries it: on a miss over cached data, reset and look again. */
  async lookup<T>(find: (m: RestMapper) => T | undefined): Promise<T | undefined> {
    const found = find(this);
    if (found !== undefined || !this.source || this.source.discovery.fresh) return found;
    await this.reset();
    return find(this);
  }

  /** The same retry for a lookup that throws: an error isMiss accepts resets once, then the lookup runs again. */
  async retry<T>(attempt: (m: RestMapper) => T, isMiss: (err: unknown) => boolean = (e) => e instanceof NoResourceMatchError): Promise<T> {
    try {
      return attempt(this);
    } catch (err) {
      if (!isMiss(err) || !this.source || this.source.discovery.fresh) throw err;
    }
    await this.reset();
    return attempt(this);
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

  /** Resolves a TYPE argument as the builder does (`pods`, `po`, `Pod`, `deploy.apps`, `hpa.v1.autoscaling`). */
  match(arg: string): ApiResource | undefined {
    return mappingForArg(this.resources, arg);
  }

  /** ResourceFor through the deferred mapper: a miss on cached discovery refetches before failing. */
  async resolve(arg: string): Promise<ApiResource> {
    const found = await this.lookup((m) => m.match(arg));
    if (found) return found;
    throw new NoResourceMatchError(resourceOfArg(arg));
  }

  /** The resources of a category (`all`), in discovery order. */
  category(name: string): ApiResource[] {
    return this.preferred().filter((r) => r.categories.includes(name));
  }
}
