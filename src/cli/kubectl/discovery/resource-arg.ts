// How the resource builder turns a TYPE argument into a mapping (builder.mappingFor over the
// shortcut expander and the discovery REST mapper): `res.version.group` then `res.group` by
// resource — short names expanded (dropping any version), resource names lower-cased, groups
// compared as given, a group prefix accepted for a short name — then `Kind.version.group` and
// `Kind.group` by kind, exactly.
import type { ApiResource } from './api-resource.js';

interface Gvr {
  group: string;
  version: string;
  resource: string;
}

/** schema.ParseResourceArg / ParseKindArg: the three-part form (2+ dots), and the two-part one. */
function parseArg(arg: string): { full?: Gvr; partial: { group: string; name: string } } {
  const parts = arg.split('.');
  const full = parts.length >= 3 ? { resource: parts[0]!, version: parts[1]!, group: parts.slice(2).join('.') } : undefined;
  const dot = arg.indexOf('.');
  const partial = dot < 0 ? { group: '', name: arg } : { group: arg.slice(dot + 1), name: arg.slice(0, dot) };
  return full ? { full, partial } : { partial };
}

/** shortcutExpander.expandResourceShortcut */
function expand(resources: ApiResource[], r: Gvr): Gvr {
  const inGroup = (x: ApiResource): boolean => r.group === '' || x.group === r.group;
  // a resource's own (or singular) name is never expanded
  if (resources.some((x) => inGroup(x) && (x.resource === r.resource || x.singular === r.resource))) return r;
  const shortcut = (accept: (x: ApiResource) => boolean): Gvr | undefined => {
    const x = resources.find((y) => accept(y) && y.shortNames.includes(r.resource));
    return x ? { group: x.group, version: '', resource: x.resource } : undefined;
  };
  const exact = shortcut(inGroup);
  if (exact) return exact;
  if (r.group === '') return r;
  // a group prefix: `hpa.autoscal`
  return shortcut((x) => x.group.startsWith(r.group)) ?? r;
}

/** KindFor: the resource (plural or singular, lower-cased) in the group and version given, preferred first. */
function kindFor(resources: ApiResource[], given: Gvr): ApiResource | undefined {
  const r = expand(resources, given);
  const name = r.resource.toLowerCase();
  const matches = resources.filter((x) => (x.resource === name || x.singular === name) && (r.group === '' || x.group === r.group) && (r.version === '' || x.version === r.version));
  if (r.version !== '') return matches[0];
  return matches.find((x) => x.preferred) ?? matches[0];
}

/** RESTMapping(GroupKind, version): the kind as registered, in that version or the preferred one. */
function byKind(resources: ApiResource[], group: string, kind: string, version: string): ApiResource | undefined {
  const matches = resources.filter((x) => x.kind === kind && x.group === group);
  return version !== '' ? matches.find((x) => x.version === version) : (matches.find((x) => x.preferred) ?? matches[0]);
}

/** builder.mappingFor: the mapping for a TYPE argument, or undefined (no resource type matches). */
export function mappingForArg(resources: ApiResource[], arg: string): ApiResource | undefined {
  const { full, partial } = parseArg(arg);
  const byFull = full ? kindFor(resources, full) : undefined;
  if (byFull) return byFull;
  const byResource = kindFor(resources, { group: partial.group, version: '', resource: partial.name });
  if (byResource) return byResource;
  const byFullKind = full ? byKind(resources, full.group, full.resource, full.version) : undefined;
  return byFullKind ?? byKind(resources, partial.group, partial.name, '');
}

/** The resource named in "the server doesn't have a resource type" (ParseGroupResource's, as given). */
export const resourceOfArg = (arg: string): string => parseArg(arg).partial.name;
