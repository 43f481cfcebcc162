// What `create role` and `create clusterrole --resource` ask the RESTMapper: ResourceFor on a
// partial group/resource, through the shortcut expander (which warns about ambiguous short
// names). Every call retries discovery; when the server is unreachable each one logs client-go's
// two memcache lines and fails, and kubectl falls back to the names as given.
import { TransportError } from '../../../../client/transport-error.js';
import type { Ctx } from '../../context.js';
import type { ApiResource, RestMapper } from '../../discovery/mapper.js';
import { PrintedError } from '../../errors.js';
import { klog } from '../../klog.js';

export interface GroupResource {
  group: string;
  resource: string;
}

/** meta.NoResourceMatchError as CheckErr prints it (no "error: " prefix). */
export function noMatch(gr: GroupResource): PrintedError {
  const inGroup = gr.group === '' ? '' : ` in group ${JSON.stringify(gr.group)}`;
  return new PrintedError(`the server doesn't have a resource type ${JSON.stringify(gr.resource)}${inGroup}`);
}

export class RuleMapper {
  private loaded?: RestMapper | TransportError;

  constructor(private readonly ctx: Ctx) {}

  private async discovery(): Promise<RestMapper | TransportError> {
    if (this.loaded instanceof TransportError) {
      const msg = `couldn't get current server API group list: ${this.loaded.message}`;
      for (let i = 0; i < 2; i++) klog(this.ctx.io.stderr, 'E', 'memcache.go:265', `"Unhandled Error" err=${JSON.stringify(msg)}`);
      return this.loaded;
    }
    if (this.loaded) return this.loaded;
    try {
      this.loaded = await this.ctx.factory.mapper(2);
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      this.loaded = err;
    }
    return this.loaded;
  }

  /** ResourceFor: the full group/resource, or the error the mapper returns. */
  async resourceFor(gr: GroupResource): Promise<GroupResource | Error> {
    const mapper = await this.discovery();
    if (mapper instanceof TransportError) return mapper;
    const find = (m: RestMapper): { expanded: GroupResource; found?: ApiResource } => {
      const expanded = this.expandShortcut(m, gr);
      const lower = expanded.resource.toLowerCase();
      return { expanded, found: m.resources.find((r) => (expanded.group === '' || r.group === expanded.group) && (r.resource === lower || r.singular === lower)) };
    };
    let found: ApiResource | undefined;
    try {
      found = await mapper.lookup((m) => find(m).found);
    } catch (err) {
      // The refetch after a miss on cached discovery failed: later lookups fail as on a cold cache.
      if (!(err instanceof TransportError)) throw err;
      this.loaded = err;
      return err;
    }
    if (found) return { group: found.group, resource: found.resource };
    const { expanded } = find(mapper);
    return noMatch({ group: expanded.group, resource: expanded.resource.toLowerCase() });
  }

  private expandShortcut(mapper: RestMapper, gr: GroupResource): GroupResource {
    const inGroup = (r: ApiResource): boolean => gr.group === '' || r.group === gr.group;
    if (mapper.resources.some((r) => inGroup(r) && (r.resource === gr.resource || r.singular === gr.resource))) return gr;
    const matches = mapper.resources.filter((r) => inGroup(r) && r.shortNames.includes(gr.resource));
    const first = matches[0];
    if (first === undefined) return this.expandByGroupPrefix(mapper, gr);
    const warned = new Set<string>();
    for (const m of matches.slice(1)) {
      const long = `${m.resource}.${m.group}`.replace(/\.$/, '');
      if ((m.group === first.group && m.resource === first.resource) || warned.has(long)) continue;
      warned.add(long);
      this.ctx.io.stderr.write(`Warning: short name ${JSON.stringify(gr.resource)} could also match lower priority resource ${long}\n`);
    }
    return { group: first.group, resource: first.resource };
  }

  /** `autoscal` matches `autoscaling` when nothing matched exactly. */
  private expandByGroupPrefix(mapper: RestMapper, gr: GroupResource): GroupResource {
    if (gr.group === '') return gr;
    const m = mapper.resources.find((r) => r.group.startsWith(gr.group) && r.shortNames.includes(gr.resource));
    return m ? { group: m.group, resource: m.resource } : gr;
  }
}
