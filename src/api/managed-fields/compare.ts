// TypedValue.Compare: the fields `rhs` added, modified and removed relative to `lhs`. Scalars,
// atomic lists and maps, and lists or maps empty on both sides are leaves compared whole; a
// list or map present on one side only is itself added or removed along with what is below it.
import { FieldSet } from './field-set.js';
import { itemPEs } from './list-items.js';
import { fieldPE, serializePE, type Path, type PathElement } from './path-element.js';
import { DEDUCED, deduce, fieldType, type Atom, type ListType, type MapType, type Schema, type TypeRef } from './schema-types.js';
import { equalValues, isObject, type Json } from './values.js';

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

const FALLBACK: TypeRef = { named: DEDUCED };
type Side = Json | undefined;

const sameAtom = (a: Atom, b: Atom): boolean => !!a.map === !!b.map && !!a.list === !!b.list && !!a.scalar === !!b.scalar;

class Walker {
  readonly out: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };

  constructor(private readonly schema: Schema) {}

  compare(ref: TypeRef, lhs: Side, rhs: Side, path: Path, inLeaf: boolean): void {
    const atom = this.schema.resolve(ref) ?? this.schema.resolve(FALLBACK)!;
    const al = deduce(atom, lhs);
    const ar = deduce(atom, rhs);
    let leaf: boolean;
    if (rhs === undefined) leaf = this.handle(al, lhs, rhs, path, inLeaf);
    else if (lhs === undefined || sameAtom(al, ar)) leaf = this.handle(ar, lhs, rhs, path, inLeaf);
    else {
      this.handle(al, lhs, rhs, path, inLeaf);
      leaf = this.handle(ar, lhs, rhs, path, inLeaf);
    }
    if (leaf || inLeaf) return;
    if (lhs === undefined) this.out.added.insert(path);
    else if (rhs === undefined) this.out.removed.insert(path);
  }

  /** handleAtom; true when the value was compared as a leaf. */
  private handle(a: Atom, lhs: Side, rhs: Side, path: Path, inLeaf: boolean): boolean {
    if (a.map) return this.map(a.map, lhs, rhs, path, inLeaf);
    if (a.scalar) return this.leaf(lhs, rhs, path, inLeaf);
    if (a.list) return this.list(a.list, lhs, rhs, path, inLeaf);
    return this.leaf(lhs, rhs, path, inLeaf);
  }

  private leaf(lhs: Side, rhs: Side, path: Path, inLeaf: boolean): boolean {
    if (inLeaf) return true;
    if (lhs === undefined) this.out.added.insert(path);
    else if (rhs === undefined) this.out.removed.insert(path);
    else if (!equalValues(lhs, rhs)) this.out.modified.insert(path);
    return true;
  }

  private list(t: ListType, lhs: Side, rhs: Side, path: Path, inLeaf: boolean): boolean {
    const l = Array.isArray(lhs) ? lhs : undefined;
    const r = Array.isArray(rhs) ? rhs : undefined;
    if (t.relationship === 'atomic' || ((l?.length ?? 0) === 0 && (r?.length ?? 0) === 0)) return this.leaf(lhs, rhs, path, inLeaf);
    const lItems = this.index(t, l ?? []);
    const rItems = this.index(t, r ?? []);
    const all = new Map<string, PathElement>([...lItems.pes, ...rItems.pes]);
    for (const [k, pe] of all) this.listItem(t, pe, lItems.values.get(k) ?? [], rItems.values.get(k) ?? [], path);
    return false;
  }

  private listItem(t: ListType, pe: PathElement, ls: Json[], rs: Json[], path: Path): void {
    const p = [...path, pe];
    if (ls.length <= 1 && rs.length <= 1) return this.compare(t.element, ls[0], rs[0], p, false);
    if (ls.length >= 2 && rs.length >= 2) {
      if (ls.length !== rs.length || !ls.every((x, i) => equalValues(x, rs[i]))) this.out.modified.insert(p);
      return;
    }
    if (ls.length >= 2) {
      if (rs.length > 0) this.compare(t.element, undefined, rs[0], p, false);
      this.out.removed.insert(p);
      return;
    }
    if (ls.length > 0) this.compare(t.element, ls[0], undefined, p, false);
    this.out.added.insert(p);
  }

  /** Items by path element, duplicates kept together, in first-seen order. */
  private index(t: ListType, items: Json[]): { pes: Map<string, PathElement>; values: Map<string, Json[]> } {
    const pes = new Map<string, PathElement>();
    const values = new Map<string, Json[]>();
    itemPEs(this.schema, t, items).forEach((pe, i) => {
      if (!pe) return;
      const k = serializePE(pe);
      if (!pes.has(k)) pes.set(k, pe);
      values.set(k, [...(values.get(k) ?? []), items[i]!]);
    });
    return { pes, values };
  }

  private map(t: MapType, lhs: Side, rhs: Side, path: Path, inLeaf: boolean): boolean {
    const l = isObject(lhs) ? lhs : undefined;
    const r = isObject(rhs) ? rhs : undefined;
    const emptyBoth = Object.keys(l ?? {}).length === 0 && Object.keys(r ?? {}).length === 0;
    if (t.relationship === 'atomic' || emptyBoth) return this.leaf(lhs, rhs, path, inLeaf);
    const keys = new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})]);
    for (const k of keys) this.compare(fieldType(t, k) ?? FALLBACK, l?.[k], r?.[k], [...path, fieldPE(k)], false);
    return false;
  }
}

/** lhs.Compare(rhs) for values of type `ref` (undefined: absent). */
export function compareValues(schema: Schema, ref: TypeRef, lhs: Json | undefined, rhs: Json | undefined): Comparison {
  const w = new Walker(schema);
  w.compare(ref, lhs, rhs, [], false);
  return w.out;
}
