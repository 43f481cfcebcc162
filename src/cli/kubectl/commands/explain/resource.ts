// Which resource and field path `kubectl explain TYPE.field.field` means (kubectl pkg/explain
// explain.go): the argument is read as a JSONPath, its first field resolved through discovery
// like client-go's shortcut expander and RESTMapper do, and the field path is what follows the
// matching `resource.group` prefix (or, failing that, every field after the first).
import { parseJsonPath } from '../../../../printers/jsonpath/index.js';
import type { Node } from '../../../../printers/jsonpath/nodes.js';
import type { Gvr } from '../../../../printers/explain/v3.js';
import type { ApiResource } from '../../discovery/mapper.js';
import { PrintedError } from '../../errors.js';

export interface ExplainTarget {
  gvr: Gvr;
  resource: ApiResource;
  fieldsPath: string[];
}

const FIRST_NOT_FIELD = 'invalid jsonpath syntax, first node must be field node';

/** jsonPathParse: `{.<arg>}` without a trailing dot; its one action's nodes. */
function jsonPathParse(text: string): Node[] {
  const input = text.endsWith('.') ? text.slice(0, -1) : text;
  const root = parseJsonPath(`{.${input}}`).tree;
  const first = root.nodes[0];
  if (root.nodes.length !== 1 || first?.type !== 'list') throw new Error('must pass in 1 jsonpath string');
  return first.nodes;
}

function fieldNames(nodes: Node[], message: string): string[] {
  return nodes.map((n) => {
    if (n.type !== 'field') throw new Error(message);
    return n.name;
  });
}

/** The first node, which names the resource. */
function resourceName(nodes: Node[]): string {
  const first = nodes[0];
  if (first?.type !== 'field') throw new Error(FIRST_NOT_FIELD);
  return first.name;
}

const groupResource = (r: ApiResource): string => (r.group === '' ? r.resource : `${r.resource}.${r.group}`);

/**
 * ShortcutExpander: a short name (case-sensitive, unless it is some resource's name) becomes
 * its resource and group; a short name shared across groups warns about the others.
 */
function expandShortcut(all: ApiResource[], name: string, warn: (w: string) => void): { resource: string; group?: string } {
  if (all.some((r) => r.resource === name || r.singular === name)) return { resource: name };
  let found: ApiResource | undefined;
  const warned = new Set<string>();
  for (const r of all.filter((x) => x.shortNames.includes(name))) {
    if (!found) {
      found = r;
    } else if (r.group !== found.group || r.resource !== found.resource) {
      const gr = groupResource(r);
      if (!warned.has(gr)) warn(`Warning: short name ${JSON.stringify(name)} could also match lower priority resource ${gr}\n`);
      warned.add(gr);
    }
  }
  return found ? { resource: found.resource, group: found.group } : { resource: name };
}

const NO_TYPE = "the server doesn't have a resource type ";

/** The miss resourcesFor reports (discovery is refetched on it when it came from the cache). */
export const isNoResourceType = (err: unknown): boolean => err instanceof PrintedError && err.message.startsWith(NO_TYPE);

/** RESTMapper.ResourcesFor: every group-version serving it, in discovery (priority) order. */
export function resourcesFor(all: ApiResource[], name: string, warn: (w: string) => void): ApiResource[] {
  if (name === '') throw new Error('a resource must be present, got: /, Resource=');
  const want = expandShortcut(all, name, warn);
  const lower = want.resource.toLowerCase();
  const found = all.filter((r) => (want.group === undefined || r.group === want.group) && (r.resource === lower || r.singular === lower));
  if (found.length === 0) throw new PrintedError(`${NO_TYPE}${JSON.stringify(name)}`);
  return found;
}

const gvrOf = (r: ApiResource): Gvr => ({ group: r.group, version: r.version, resource: r.resource });

/** SplitAndParseResourceRequestWithMatchingPrefix (no --api-version). */
export function splitWithMatchingPrefix(arg: string, all: ApiResource[], warn: (w: string) => void): ExplainTarget {
  const nodes = jsonPathParse(arg);
  const matches = resourcesFor(all, resourceName(nodes), warn);
  for (const r of matches) {
    const gr = groupResource(r);
    if (!arg.startsWith(gr)) continue;
    const suffix = arg.slice(gr.length);
    const fieldsPath = suffix === '' ? [] : fieldNames(jsonPathParse(suffix).slice(1), FIRST_NOT_FIELD);
    return { gvr: gvrOf(r), resource: r, fieldsPath };
  }
  const first = matches[0]!;
  return { gvr: gvrOf(first), resource: first, fieldsPath: fieldNames(nodes.slice(1), FIRST_NOT_FIELD) };
}

/** SplitAndParseResourceRequest (with --api-version): the preferred match, every field after it. */
export function splitResourceRequest(arg: string, all: ApiResource[], warn: (w: string) => void): ExplainTarget {
  const nodes = jsonPathParse(arg);
  const first = resourcesFor(all, resourceName(nodes), warn)[0]!;
  return { gvr: gvrOf(first), resource: first, fieldsPath: fieldNames(nodes.slice(1), 'invalid jsonpath syntax, all nodes must be field nodes') };
}
