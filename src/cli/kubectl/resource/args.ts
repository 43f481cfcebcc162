// The resource builder's argument forms: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME …`, with the
// `all` category expanded, each type resolved through discovery.
import { SLASH_MIXED, splitTypeName } from '../commands/mutate/builder-types.js';
import type { ApiResource, RestMapper } from '../discovery/mapper.js';

export interface ResourceRequest {
  resource: ApiResource;
  /** names asked for; empty means the whole list */
  names: string[];
  /** given in TYPE/NAME form (the builder's resource tuples) */
  tuples?: boolean;
}

/**
 * The builder's checks of TYPE/NAME arguments (hasCombinedTypeArgs, splitResourceTypeName): made
 * as the arguments are given, before discovery, so their errors come first (even when the server
 * cannot be reached).
 */
export function checkArgForms(args: string[]): void {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length === 0) return;
  if (slashed.length !== args.length) throw new Error(SLASH_MIXED);
  for (const a of args) splitTypeName(a);
}

async function expandTypes(mapper: RestMapper, typeArg: string, warn: (w: string) => void): Promise<ApiResource[]> {
  const out: ApiResource[] = [];
  for (const t of typeArg.split(',').filter((x) => x !== '')) {
    const w = mapper.shortNameWarning(t);
    if (w) warn(w);
    const category = t === 'all' ? mapper.category('all') : [];
    out.push(...(category.length > 0 ? category : [await mapper.resolve(t)]));
  }
  return out;
}

/** One key per group/version/resource (a refetch after a miss gives new objects for the same ones). */
const gvrKey = (r: ApiResource): string => `${r.group}/${r.version}/${r.resource}`;

/** Groups args into one request per resource type, in the order given. */
export async function resourceRequests(mapper: RestMapper, args: string[], warn: (w: string) => void = () => undefined): Promise<ResourceRequest[]> {
  if (args.length === 0) return [];
  checkArgForms(args);
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceRequest[] = [];
    const tuples = args.map((a) => splitTypeName(a)!);
    for (const { resource: type, name } of tuples) {
      const w = mapper.shortNameWarning(type);
      if (w) warn(w);
      const resource = await mapper.resolve(type);
      const same = out.find((r) => gvrKey(r.resource) === gvrKey(resource));
      if (same) same.names.push(name);
      else out.push({ resource, names: [name], tuples: true });
    }
    return out;
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const seen = new Set<string>();
  return (await expandTypes(mapper, typeArg, warn)).filter((r) => !seen.has(gvrKey(r)) && seen.add(gvrKey(r))).map((resource) => ({ resource, names: [...names] }));
}

/** `pod`, `deployment.apps`: the prefix of `-o name` and of kind-qualified table names. */
export function kindPrefix(r: ApiResource): string {
  const kind = r.kind.toLowerCase();
  return r.group === '' ? kind : `${kind}.${r.group}`;
}
