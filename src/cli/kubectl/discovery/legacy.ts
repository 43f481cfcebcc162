// Aggregated discovery (apidiscovery.k8s.io/v2 from /api and /apis) split into the legacy
// shapes client-go caches on disk — an APIGroupList and one APIResourceList per group version,
// subresources as `pods/status` entries — as client-go's SplitGroupsAndResources does, and
// encoded byte for byte as its LegacyCodec writes them (Go field order, omitempty, nulls).

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

/** metav1.APIGroup (serverAddressByClientCIDRs never comes out of aggregated discovery). */
export interface ApiGroup {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

/** metav1.APIResource; `verbs` is null when the server sent none (Go's nil slice). */
export interface LegacyResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[] | null;
  shortNames?: string[];
  categories?: string[];
}

export interface ApiResourceList {
  groupVersion: string;
  resources: LegacyResource[];
}

export interface Split {
  groups: ApiGroup[];
  /** by group version (`v1`, `apps/v1`), in discovery order */
  lists: Map<string, ApiResourceList>;
  /** group versions marked Stale: StaleGroupVersionError */
  failed: Map<string, Error>;
}

interface Gvk { group?: string; version?: string; kind?: string }
interface AggSubresource { subresource?: string; responseKind?: Gvk; verbs?: string[] }
interface AggResource {
  resource?: string; responseKind?: Gvk; scope?: string; singularResource?: string;
  verbs?: string[]; shortNames?: string[]; categories?: string[]; subresources?: AggSubresource[];
}
interface AggVersion { version?: string; resources?: AggResource[]; freshness?: string }
export interface AggList { items?: { metadata?: { name?: string }; versions?: AggVersion[] }[] }

const EMPTY_GV: GroupVersionForDiscovery = { groupVersion: '', version: '' };
const hasKind = (k: Gvk | undefined): k is Gvk => k !== undefined && Boolean(k.group || k.version || k.kind);
const gvString = (group: string, version: string): string => (group === '' ? version : `${group}/${version}`);

/** discovery.StaleGroupVersionError */
export class StaleGroupVersionError extends Error {
  constructor(gv: string) {
    super(`stale GroupVersion discovery: ${gv}`);
  }
}

/** A metav1.APIResource with its fields in Go's order; empty group/version/lists omitted. */
function legacyResource(head: Pick<LegacyResource, 'name' | 'singularName' | 'namespaced'>, k: Gvk | undefined, verbs: string[] | undefined, extra: AggResource = {}): LegacyResource {
  // Keys are added in Go's field order: JSON.stringify keeps insertion order.
  const out = { ...head } as LegacyResource;
  if (k?.group) out.group = k.group;
  if (k?.version) out.version = k.version;
  out.kind = k?.kind ?? '';
  out.verbs = verbs ?? null;
  if (extra.shortNames && extra.shortNames.length > 0) out.shortNames = extra.shortNames;
  if (extra.categories && extra.categories.length > 0) out.categories = extra.categories;
  return out;
}

/** convertAPIResource, then each subresource (which needs its own GVK) as `parent/sub`. */
function convertResource(r: AggResource): LegacyResource[] {
  const head = { name: r.resource ?? '', singularName: r.singularResource ?? '', namespaced: r.scope === 'Namespaced' };
  const out = hasKind(r.responseKind) ? [legacyResource(head, r.responseKind, r.verbs, r)] : [];
  for (const s of r.subresources ?? []) {
    if (hasKind(s.responseKind)) out.push(legacyResource({ ...head, name: `${head.name}/${s.subresource ?? ''}` }, s.responseKind, s.verbs));
  }
  return out;
}

function convertVersion(v: AggVersion): LegacyResource[] {
  return (v.resources ?? []).flatMap(convertResource);
}

/** SplitGroupsAndResources over the /api and /apis answers, core first. */
export function splitAggregated(lists: AggList[]): Split {
  const split: Split = { groups: [], lists: new Map(), failed: new Map() };
  for (const g of lists.flatMap((l) => l.items ?? [])) {
    const name = g.metadata?.name ?? '';
    const group: ApiGroup = { name, versions: [], preferredVersion: EMPTY_GV };
    for (const v of g.versions ?? []) {
      const version = v.version ?? '';
      const gv = gvString(name, version);
      if (v.freshness === 'Stale') {
        split.failed.set(gv, new StaleGroupVersionError(gv));
        continue;
      }
      const entry = { groupVersion: gv, version };
      group.versions.push(entry);
      if (group.preferredVersion === EMPTY_GV) group.preferredVersion = entry;
      split.lists.set(gv, { groupVersion: gv, resources: convertVersion(v) });
    }
    split.groups.push(group);
  }
  return split;
}

/** encoding/json's string escaping on top of JSON.stringify: `<`, `>`, `&`, U+2028 and U+2029. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** servergroups.json as LegacyCodec writes it (a nil versions slice is `null`). */
export function encodeGroupList(groups: ApiGroup[]): string {
  const out = groups.map((g) => ({ name: g.name, versions: g.versions.length === 0 ? null : g.versions, preferredVersion: g.preferredVersion }));
  return `${goJson({ kind: 'APIGroupList', apiVersion: 'v1', groups: out })}\n`;
}

/** <group>/<version>/serverresources.json as LegacyCodec writes it. */
export function encodeResourceList(list: ApiResourceList): string {
  return `${goJson({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: list.groupVersion, resources: list.resources })}\n`;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strOf = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objs = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** The object a cache file holds when it is a `kind` of meta/v1 (the UniversalDecoder's check). */
function decodeKind(text: string, kind: string): Json | undefined {
  try {
    const obj: unknown = JSON.parse(text);
    return isObj(obj) && obj.kind === kind && obj.apiVersion === 'v1' ? obj : undefined;
  } catch {
    return undefined;
  }
}

const gvOf = (v: unknown): GroupVersionForDiscovery => (isObj(v) ? { groupVersion: strOf(v.groupVersion), version: strOf(v.version) } : EMPTY_GV);

/** servergroups.json read back; undefined when it is not an APIGroupList. */
export function decodeGroupList(text: string): ApiGroup[] | undefined {
  const obj = decodeKind(text, 'APIGroupList');
  return obj && objs(obj.groups).map((g) => ({ name: strOf(g.name), versions: objs(g.versions).map(gvOf), preferredVersion: gvOf(g.preferredVersion) }));
}

/** serverresources.json read back; undefined when it is not an APIResourceList. */
export function decodeResourceList(text: string): ApiResourceList | undefined {
  const obj = decodeKind(text, 'APIResourceList');
  if (!obj) return undefined;
  const resources = objs(obj.resources).map((r): LegacyResource => {
    const head = { name: strOf(r.name), singularName: strOf(r.singularName), namespaced: r.namespaced === true };
    const k = { group: strOf(r.group), version: strOf(r.version), kind: strOf(r.kind) };
    return legacyResource(head, k, Array.isArray(r.verbs) ? strs(r.verbs) : undefined, { shortNames: strs(r.shortNames), categories: strs(r.categories) });
  });
  return { groupVersion: strOf(obj.groupVersion), resources };
}
