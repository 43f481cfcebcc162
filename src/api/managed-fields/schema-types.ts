// structured-merge-diff's schema model: an atom is a scalar, a list and/or a map; lists are atomic
// (owned whole) or associative (items by key, or a set of scalars); maps are separable (owned field
// by field) or atomic. Types refer to each other by name, or inline.

export type ScalarType = 'string' | 'numeric' | 'boolean' | 'untyped';
export type Relationship = 'atomic' | 'separable' | 'associative';

export interface ListType {
  readonly relationship: 'atomic' | 'associative';
  /** x-kubernetes-list-map-keys; empty for a set. */
  readonly keys: readonly string[];
  readonly element: TypeRef;
}

export interface StructField {
  readonly type: TypeRef;
  readonly default?: unknown;
}

export interface MapType {
  readonly relationship: 'separable' | 'atomic';
  readonly fields: ReadonlyMap<string, StructField>;
  /** The type of keys that are no named field; undefined when there are none allowed. */
  readonly element?: TypeRef;
}

export interface Atom {
  readonly scalar?: ScalarType;
  readonly list?: ListType;
  readonly map?: MapType;
}

export type TypeRef =
  | { readonly named: string; readonly relationship?: 'atomic' | 'separable' }
  | { readonly inline: Atom };

/** Looks a named type up; the converter from OpenAPI or a fixed table in tests. */
export interface Schema {
  resolve(ref: TypeRef): Atom | undefined;
}

export const UNTYPED = '__untyped_atomic_';
export const DEDUCED = '__untyped_deduced_';

/** __untyped_atomic_: anything, owned whole. */
export const UNTYPED_ATOM: Atom = {
  scalar: 'untyped',
  list: { relationship: 'atomic', keys: [], element: { named: UNTYPED } },
  map: { relationship: 'atomic', fields: new Map(), element: { named: UNTYPED } },
};

/** __untyped_deduced_: maps field by field, lists atomic (objects without a schema). */
export const DEDUCED_ATOM: Atom = {
  scalar: 'untyped',
  list: { relationship: 'atomic', keys: [], element: { named: UNTYPED } },
  map: { relationship: 'separable', fields: new Map(), element: { named: DEDUCED } },
};

/** Schema.Resolve: a named type, with a reference's map relationship applied over the type's. */
export function resolveWith(lookup: (name: string) => Atom | undefined, ref: TypeRef): Atom | undefined {
  if ('inline' in ref) return ref.inline;
  const atom = ref.named === UNTYPED ? UNTYPED_ATOM : ref.named === DEDUCED ? DEDUCED_ATOM : lookup(ref.named);
  if (!atom || !ref.relationship || !atom.map) return atom;
  return { ...atom, map: { ...atom.map, relationship: ref.relationship } };
}

/** The type of key `name` in a map: its field's type, else the element type. */
export function fieldType(map: MapType, name: string): TypeRef | undefined {
  return map.fields.get(name)?.type ?? map.element;
}

/** deduceAtom: which of an atom's alternatives a value takes (the whole atom if none fits). */
export function deduce(atom: Atom, v: unknown): Atom {
  if (v === null || v === undefined) return atom;
  if (Array.isArray(v)) return atom.list ? { list: atom.list } : atom;
  if (typeof v === 'object') return atom.map ? { map: atom.map } : atom;
  return atom.scalar ? { scalar: atom.scalar } : atom;
}
