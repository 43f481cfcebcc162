// The OpenAPI v2 models kubectl's older explain printer walks (k8s.io/kube-openapi
// pkg/util/proto): every swagger schema is a Reference, a Kind (object with properties), a Map,
// an Array, a Primitive or an Arbitrary value; models are found by their
// x-kubernetes-group-version-kind (kubectl pkg/util/openapi). Parsed lazily, on the way.
import { isMap, listProp, mapProp, prop, sortedKeys, type JsonMap } from './values.js';

export type V2Node =
  | { t: 'ref'; desc: string; ref: string }
  | { t: 'kind'; desc: string; fields: JsonMap; required: string[] }
  | { t: 'map'; desc: string; sub: V2Node }
  | { t: 'array'; desc: string; sub: V2Node }
  | { t: 'primitive'; desc: string; type: string }
  | { t: 'arbitrary'; desc: string };

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** schema.GroupVersionKind.String(): `apps/v1, Kind=Deployment`. */
export const gvkString = (g: Gvk): string => `${g.group}/${g.version}, Kind=${g.kind}`;

/** GroupVersion().String(): `v1`, `apps/v1`. */
export const groupVersion = (g: Gvk): string => (g.group ? `${g.group}/${g.version}` : g.version);

function types(s: unknown): string[] {
  const t = prop(s, 'type');
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.map(String) : [];
}

function parseMap(s: unknown, desc: string): V2Node {
  const extra = prop(s, 'additionalProperties');
  const sub: V2Node = isMap(extra) ? parseSchema(extra) : { t: 'arbitrary', desc };
  return { t: 'map', desc, sub };
}

/** proto.Definitions.ParseSchema. */
export function parseSchema(s: unknown): V2Node {
  const desc = String(prop(s, 'description') ?? '');
  const ref = prop(s, '$ref');
  if (typeof ref === 'string' && ref !== '') return { t: 'ref', desc, ref: ref.replace(/^#\/definitions\//, '') };
  const hasProps = prop(s, 'properties') !== undefined;
  const kind = (): V2Node => ({
    t: 'kind', desc, fields: mapProp(s, 'properties') ?? {}, required: listProp(s, 'required').map(String),
  });
  const [t] = types(s);
  if (t === undefined) return hasProps ? kind() : { t: 'arbitrary', desc };
  if (t === 'object') return hasProps ? kind() : parseMap(s, desc);
  if (t === 'array') {
    const items = prop(s, 'items');
    const first = Array.isArray(items) ? items[0] : items;
    return { t: 'array', desc, sub: parseSchema(first ?? {}) };
  }
  return { t: 'primitive', desc, type: t };
}

type KindNode = Extract<V2Node, { t: 'kind' }>;

/** A kind's field, parsed. */
export const fieldOf = (kind: KindNode, name: string): V2Node => parseSchema(kind.fields[name]);

/** The models of one /openapi/v2 document. */
export class V2Models {
  private readonly cache = new Map<string, V2Node>();
  private readonly definitions: JsonMap;

  constructor(doc: JsonMap) {
    this.definitions = mapProp(doc, 'definitions') ?? {};
  }

  model(name: string): V2Node {
    let node = this.cache.get(name);
    if (!node) {
      node = parseSchema(prop(this.definitions, name) ?? {});
      this.cache.set(name, node);
    }
    return node;
  }

  /** LookupResource: the model declaring this GVK (the last one by name, as the map is built). */
  lookupResource(gvk: Gvk): V2Node | undefined {
    let found: string | undefined;
    for (const name of sortedKeys(this.definitions)) {
      const list = listProp(this.definitions[name], 'x-kubernetes-group-version-kind');
      if (list.some((e) => prop(e, 'group') === gvk.group && prop(e, 'version') === gvk.version && prop(e, 'kind') === gvk.kind)) {
        found = name;
      }
    }
    return found === undefined || gvk.kind === '' ? undefined : this.model(found);
  }

  /** GetTypeName: `[]Object`, `map[string]string`, `string`, `Object`; "" for arbitrary values. */
  typeName(node: V2Node): string {
    switch (node.t) {
      case 'array':
        return `[]${this.typeName(node.sub)}`;
      case 'map':
        return `map[string]${this.typeName(node.sub)}`;
      case 'kind':
        return 'Object';
      case 'primitive':
        return node.type;
      case 'ref':
        return this.typeName(this.model(node.ref));
      default:
        return '';
    }
  }

  /** LookupSchemaForField: follows the path through kinds; a primitive ends the walk early. */
  lookupField(node: V2Node, path: readonly string[]): V2Node {
    if (node.t === 'primitive' || node.t === 'arbitrary' || path.length === 0) return node;
    if (node.t === 'array' || node.t === 'map') return this.lookupField(node.sub, path);
    if (node.t === 'ref') return this.lookupField(this.model(node.ref), path);
    const name = path[0]!;
    if (!Object.prototype.hasOwnProperty.call(node.fields, name)) throw new FieldNotFound(name);
    return this.lookupField(fieldOf(node, name), path.slice(1));
  }
}

export class FieldNotFound extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}
