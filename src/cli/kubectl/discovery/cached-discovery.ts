// kubectl's discovery client: client-go's disk CachedDiscoveryClient over its memCacheClient over
// aggregated discovery. Groups and each group version's resources come from their cache file
// while it is fresh, else from one GET /api + GET /apis kept in memory for the command (a failed
// fetch is retried by the next caller), and what was fetched is written back to the files.
import type { RestClient } from '../../../client/rest.js';
import type { Io } from '../../shared/io.js';
import type { Parsed } from '../../shared/pflag.js';
import { klog, type Klog } from '../klog.js';
import { cacheRoot, discoveryCacheDir, DiskCache, goPathError } from './disk-cache.js';
import {
  decodeGroupList, decodeResourceList, encodeGroupList, encodeResourceList, splitAggregated,
  StaleGroupVersionError, type AggList, type ApiGroup, type ApiResourceList, type Split,
} from './legacy.js';

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const GROUPS_FILE = 'servergroups.json';
const resourcesFile = (gv: string): string => `${gv}/serverresources.json`;

/** ServerGroupsAndResources: every group, the lists that loaded, and the group versions that failed. */
export interface GroupsAndResources {
  groups: ApiGroup[];
  lists: Map<string, ApiResourceList>;
  failed: Map<string, Error>;
}

/** memcache's ErrCacheNotFound */
export class CacheNotFoundError extends Error {
  constructor() {
    super('not found');
  }
}

/** memcache.go's HandleError line for a failed refresh, as kubectl prints it on stderr. */
export function logRefreshError(io: Io, err: unknown): void {
  const msg = `couldn't get current server API group list: ${(err as Error).message}`;
  klog(io.stderr, 'E', 'memcache.go:265', `"Unhandled Error" err=${JSON.stringify(msg)}`);
}

/** GET /api then GET /apis as aggregated discovery (a 404 on /api is tolerated, as client-go does). */
export async function fetchAggregated(client: Pick<RestClient, 'raw'>, timeout: string): Promise<Split> {
  const lists: AggList[] = [];
  for (const path of ['/api', '/apis']) {
    const r = await client.raw('GET', `${path}?timeout=${timeout}`, undefined, undefined, AGGREGATED);
    if (r.status === 404 && path === '/api') continue;
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
    lists.push(JSON.parse(r.body) as AggList);
  }
  return splitAggregated(lists);
}

export class CachedDiscovery {
  private mem?: Promise<Split>;

  constructor(private readonly fetch: () => Promise<Split>, readonly disk: DiskCache, private readonly log: Klog) {}

  /** Fresh: every cache file used so far was written by this process. */
  get fresh(): boolean {
    return this.disk.fresh;
  }

  /** Invalidate: the memory cache is dropped and only files written from now on are trusted. */
  invalidate(): void {
    this.mem = undefined;
    this.disk.invalidate();
  }

  /** memCacheClient's refresh: one fetch shared by every caller until it fails. */
  private memory(): Promise<Split> {
    this.mem ??= this.fetch().catch((err: unknown) => {
      this.mem = undefined;
      throw err;
    });
    return this.mem;
  }

  private write(rel: string, text: string, at: string): void {
    try {
      this.disk.write(rel, text);
    } catch (err) {
      this.log.info(1, at, `failed to write cache to ${this.disk.path(rel)} due to ${goPathError(err)}`);
    }
  }

  private cached(rel: string, at: string): string | undefined {
    const text = this.disk.read(rel);
    if (text !== undefined) this.log.info(10, at, `returning cached discovery info from ${this.disk.path(rel)}`);
    return text;
  }

  /** ServerGroups; a failed fetch rejects. */
  async serverGroups(): Promise<ApiGroup[]> {
    const text = this.cached(GROUPS_FILE, 'cached_discovery.go:113');
    const cached = text === undefined ? undefined : decodeGroupList(text);
    if (cached) return cached;
    const { groups } = await this.memory();
    if (groups.length === 0) this.log.info(3, 'cached_discovery.go:124', 'skipped caching discovery info, no groups found');
    else this.write(GROUPS_FILE, encodeGroupList(groups), 'cached_discovery.go:129');
    return groups;
  }

  /** ServerResourcesForGroupVersion; rejects with the fetch's error, not found, or a stale group version. */
  async serverResourcesForGroupVersion(gv: string): Promise<ApiResourceList> {
    const text = this.cached(resourcesFile(gv), 'cached_discovery.go:77');
    const cached = text === undefined ? undefined : decodeResourceList(text);
    if (cached) return cached;
    const split = await this.memory();
    const list = split.lists.get(gv);
    if (list === undefined) {
      const err = split.failed.get(gv) ?? new CacheNotFoundError();
      this.log.info(3, 'cached_discovery.go:84', `skipped caching discovery info due to ${err.message}`);
      throw err;
    }
    if (list.resources.length === 0) this.log.info(3, 'cached_discovery.go:88', 'skipped caching discovery info, no resources found');
    else this.write(resourcesFile(gv), encodeResourceList(list), 'cached_discovery.go:93');
    return list;
  }

  /** ServerGroupsAndResources: groups (a failure rejects), then each group version's resources. */
  async serverGroupsAndResources(io: Io): Promise<GroupsAndResources> {
    const groups = await this.serverGroups();
    const out: GroupsAndResources = { groups, lists: new Map(), failed: new Map() };
    for (const gv of groups.flatMap((g) => g.versions.map((v) => v.groupVersion))) {
      try {
        out.lists.set(gv, await this.serverResourcesForGroupVersion(gv));
      } catch (err) {
        // memcache logs a failed refresh; a group version it does not know is no news.
        if (!(err instanceof CacheNotFoundError) && !(err instanceof StaleGroupVersionError)) logRefreshError(io, err);
        out.failed.set(gv, err as Error);
      }
    }
    return out;
  }
}

/** What opening kubectl's discovery needs from the factory. */
export interface DiscoveryDeps {
  io: Io;
  klog: Klog;
  discoveryTimeout: string;
  client(): Promise<RestClient>;
}

/** ToDiscoveryClient: the cache folder for the client's server under the cache root (--cache-dir). */
export async function openDiscovery(f: DiscoveryDeps, flags: Parsed): Promise<CachedDiscovery> {
  const client = await f.client();
  const flag = flags.changed.has('cache-dir') ? flags.values.get('cache-dir') : undefined;
  const root = cacheRoot(typeof flag === 'string' ? flag : undefined, f.io.env, f.io.cwd);
  const disk = new DiskCache(discoveryCacheDir(root, client.config.server));
  return new CachedDiscovery(() => fetchAggregated(client, f.discoveryTimeout), disk, f.klog);
}
