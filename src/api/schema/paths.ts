// The OpenAPI paths of one group-version: upstream's path items for the resources and subresources
// this apiserver serves, each keeping only the operations of the verbs it serves. A resource the
// upstream data lacks gets a minimal item path (get/put/patch with its group-version-kind), enough
// for kubectl to find its kind and to see that field validation is done by the server.
import { resourcesOf } from '../resources/index.js';
import type { ResourceDescriptor, Verb } from '../resources/types.js';
import { openapiData } from './data.js';
import type { GroupVersionKind } from './data.js';

export type PathItem = Record<string, unknown>;

/** `api/v1`, `apis/apps/v1`: the document path of a group-version. */
export function docPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const COLLECTION: Record<string, Verb> = { get: 'list', post: 'create', delete: 'deletecollection' };
const ITEM: Record<string, Verb> = { get: 'get', post: 'create', put: 'update', patch: 'patch', delete: 'delete', head: 'get', options: 'get' };
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

interface Shape {
  plural: string;
  namespaced: boolean;
  item: boolean;
  sub?: string;
}

function shapeOf(rest: string): Shape | undefined {
  const m = /^(\/namespaces\/\{namespace\})?\/([a-z0-9]+)(\/\{name\}(?:\/([a-z]+)(?:\/\{path\})?)?)?$/.exec(rest);
  if (!m) return undefined;
  return { plural: m[2]!, namespaced: Boolean(m[1]), item: Boolean(m[3]), ...(m[4] ? { sub: m[4] } : {}) };
}

function keepOperations(item: PathItem, d: ResourceDescriptor, shape: Shape): PathItem | undefined {
  const allowed = shape.sub ? d.subresources[shape.sub]?.verbs : d.verbs;
  if (!allowed || (shape.namespaced && !d.namespaced)) return undefined;
  const table = shape.item || shape.sub ? ITEM : COLLECTION;
  const out: PathItem = {};
  let operations = 0;
  for (const [key, value] of Object.entries(item)) {
    const verb = table[key];
    if (!METHODS.has(key)) out[key] = value;
    else if (verb && allowed.includes(verb)) {
      out[key] = value;
      operations++;
    }
  }
  return operations ? out : undefined;
}

const FIELD_VALIDATION = { in: 'query', name: 'fieldValidation', type: 'string', uniqueItems: true };

const BUILTIN_CONSUMES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

/** A minimal item path for a resource upstream's data does not describe (custom resources: `consumes` without strategic merge). */
export function fallbackPaths(root: string, d: ResourceDescriptor, consumes = BUILTIN_CONSUMES): Record<string, PathItem> {
  const gvk: GroupVersionKind = { group: d.group, version: d.version, kind: d.kind };
  const op = (action: string, extra: PathItem = {}): PathItem => ({
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    produces: ['application/json', 'application/yaml'],
    responses: { '200': { description: 'OK' }, '401': { description: 'Unauthorized' } },
    ...extra,
  });
  const patch = { consumes, parameters: [FIELD_VALIDATION] };
  const base = `${root}${d.namespaced ? '/namespaces/{namespace}' : ''}/${d.plural}`;
  return { [`${base}/{name}`]: { get: op('get'), put: op('put', { parameters: [FIELD_VALIDATION] }), patch: op('patch', patch) } };
}

/** The (v2-shaped) path items of the served resources of a group-version, with its root path. */
export function servedPathItems(group: string, version: string): Record<string, PathItem> {
  const root = `/${docPath(group, version)}`;
  const descriptors = resourcesOf(group, version);
  const out: Record<string, PathItem> = {};
  const covered = new Set<ResourceDescriptor>();
  for (const [path, item] of Object.entries(openapiData().paths)) {
    if (!path.startsWith(`${root}/`)) continue;
    if (path === `${root}/`) out[path] = item;
    const shape = shapeOf(path.slice(root.length));
    const d = shape && descriptors.find((x) => x.plural === shape.plural);
    const kept = d && shape && keepOperations(item, d, shape);
    if (d && kept) {
      out[path] = kept;
      covered.add(d);
    }
  }
  for (const d of descriptors) if (!covered.has(d)) Object.assign(out, fallbackPaths(root, d));
  return out;
}
