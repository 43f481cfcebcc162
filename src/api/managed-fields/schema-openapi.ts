// The schema server-side apply works with, made from the published OpenAPI schemas as
// kube-openapi's schemaconv does: x-kubernetes-list-type (atomic | set | map + list-map-keys),
// else a patch strategy `merge` (keyed by patch-merge-key, or a set), else atomic lists;
// x-kubernetes-map-type atomic | granular; Quantity a scalar, RawExtension untyped and atomic.
import { openapiData, schemaNameOf, type Schema as OpenApiSchema } from '../schema/index.js';
import {
  DEDUCED,
  UNTYPED,
  UNTYPED_ATOM,
  resolveWith,
  type Atom,
  type ListType,
  type MapType,
  type ScalarType,
  type Schema,
  type StructField,
  type TypeRef,
} from './schema-types.js';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

function refName(s: OpenApiSchema): string | undefined {
  const ref = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0]?.$ref : undefined);
  return ref === undefined ? undefined : ref.slice(ref.lastIndexOf('/') + 1);
}

function mapRelationship(s: OpenApiSchema): 'atomic' | 'separable' | undefined {
  const t = s['x-kubernetes-map-type'];
  return t === 'atomic' ? 'atomic' : t === 'granular' ? 'separable' : undefined;
}

function primitive(type: string, format: string | undefined): ScalarType {
  if (type === 'integer' || type === 'number') return 'numeric';
  if (type === 'boolean') return 'boolean';
  if (type === 'string') return !format || format === 'byte' ? 'string' : 'untyped';
  return 'untyped';
}

/** getListElementRelationship. */
function listRelationship(s: OpenApiSchema): Pick<ListType, 'relationship' | 'keys'> {
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'set') return { relationship: 'associative', keys: [] };
  if (listType === 'map') return { relationship: 'associative', keys: (s['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [] };
  if (listType !== undefined) return { relationship: 'atomic', keys: [] };
  const strategy = s['x-kubernetes-patch-strategy'];
  if (strategy === 'merge' || strategy === 'merge,retainKeys') {
    const key = s['x-kubernetes-patch-merge-key'];
    return { relationship: 'associative', keys: typeof key === 'string' ? [key] : [] };
  }
  return { relationship: 'atomic', keys: [] };
}

class Converter {
  constructor(private readonly preserveUnknown: boolean) {}

  atom(s: OpenApiSchema): Atom {
    const c = s['x-kubernetes-preserve-unknown-fields'] === true && !this.preserveUnknown ? new Converter(true) : this;
    const type = typeof s.type === 'string' ? s.type : '';
    switch (type) {
      case '':
        return { scalar: 'untyped', list: c.list(s), map: c.object(s) };
      case 'object':
        return { map: c.object(s) };
      case 'array':
        return { list: c.list(s) };
      default:
        return { scalar: primitive(type, s.format as string | undefined) };
    }
  }

  ref(s: OpenApiSchema): TypeRef {
    const name = refName(s);
    if (name === undefined) return { inline: this.atom(s) };
    const relationship = mapRelationship(s);
    return relationship ? { named: name, relationship } : { named: name };
  }

  object(s: OpenApiSchema): MapType {
    const fields = new Map<string, StructField>();
    for (const [name, member] of Object.entries(s.properties ?? {})) {
      fields.set(name, { type: this.ref(member), ...(member.default !== undefined ? { default: member.default } : {}) });
    }
    return { relationship: mapRelationship(s) ?? 'separable', fields, ...this.element(s, fields.size) };
  }

  private element(s: OpenApiSchema, nFields: number): { element?: TypeRef } {
    const ap = s.additionalProperties;
    if (ap === undefined) return this.preserveUnknown || nFields === 0 ? { element: { named: DEDUCED } } : {};
    if (ap === true) return { element: { named: DEDUCED } };
    if (ap === false) return {};
    return { element: this.ref(ap) };
  }

  list(s: OpenApiSchema): ListType {
    const element: TypeRef = s.items ? this.ref(s.items) : { named: UNTYPED };
    return { ...listRelationship(s), element };
  }
}

const cache = new Map<string, Atom | undefined>();

/** The atom of a named OpenAPI schema (converted once). */
export function namedAtom(name: string): Atom | undefined {
  if (cache.has(name)) return cache.get(name);
  const spec = openapiData().schemas[name];
  let atom: Atom | undefined;
  if (name === QUANTITY) atom = { scalar: 'untyped' };
  else if (name === RAW_EXTENSION) atom = UNTYPED_ATOM;
  else if (spec && !spec.$ref) atom = new Converter(false).atom(spec);
  cache.set(name, atom);
  return atom;
}

/** The schema of the built-in types. */
export const OPENAPI_SCHEMA: Schema = { resolve: (ref) => resolveWith(namedAtom, ref) };

/** A kind without a published schema (custom resources): typed metadata, the rest deduced. */
const UNPUBLISHED_ROOT: Atom = {
  map: {
    relationship: 'separable',
    fields: new Map([['metadata', { type: { named: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } }]]),
    element: { named: DEDUCED },
  },
};

/** The root type of a kind. */
export function rootType(group: string, version: string, kind: string): TypeRef {
  const name = schemaNameOf({ group, version, kind });
  return name ? { named: name } : { inline: UNPUBLISHED_ROOT };
}
