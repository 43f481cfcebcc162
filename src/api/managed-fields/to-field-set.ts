// TypedValue.ToFieldSet: the fields a value sets. Scalars are members; so are atomic lists and
// maps (as a whole), items of associative lists (besides their own fields), keys of maps that are
// no named field, and empty or null values. Items seen twice in a list are owned as one element.
import { FieldSet } from './field-set.js';
import { itemPEs } from './list-items.js';
import { fieldPE, serializePE, type Path } from './path-element.js';
import { DEDUCED, deduce, fieldType, type ListType, type MapType, type Schema, type TypeRef } from './schema-types.js';
import { isObject, type Json } from './values.js';

const FALLBACK: TypeRef = { named: DEDUCED };

class Walker {
  readonly set = new FieldSet();

  constructor(private readonly schema: Schema) {}

  walk(ref: TypeRef, v: Json, path: Path): void {
    const atom = deduce(this.schema.resolve(ref) ?? this.schema.resolve(FALLBACK)!, v);
    if (atom.map && (v === null || isObject(v))) return this.map(atom.map, v, path);
    if (atom.scalar) return this.set.insert(path);
    if (atom.list && (v === null || Array.isArray(v))) return this.list(atom.list, v, path);
    if (atom.map) return this.map(atom.map, null, path);
  }

  private list(t: ListType, v: Json[] | null, path: Path): void {
    if (t.relationship === 'atomic') return this.set.insert(path);
    if (v === null) return;
    const pes = itemPEs(this.schema, t, v);
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const pe of pes) {
      if (!pe) continue;
      const k = serializePE(pe);
      if (seen.has(k) && !duplicates.has(k)) {
        this.set.insert([...path, pe]);
        duplicates.add(k);
      }
      seen.add(k);
    }
    v.forEach((item, i) => {
      const pe = pes[i];
      if (!pe || duplicates.has(serializePE(pe))) return;
      const p = [...path, pe];
      this.walk(t.element, item, p);
      this.set.insert(p);
    });
  }

  private map(t: MapType, v: Json | null, path: Path): void {
    if (t.relationship === 'atomic') return this.set.insert(path);
    if (!isObject(v)) return;
    for (const [key, val] of Object.entries(v)) {
      const p = [...path, fieldPE(key)];
      this.walk(fieldType(t, key) ?? FALLBACK, val, p);
      const emptyMap = isObject(val) && Object.keys(val).length === 0;
      if (val === null || emptyMap || !t.fields.has(key)) this.set.insert(p);
    }
  }
}

/** The set of fields `v` (of type `ref`) sets. */
export function toFieldSet(schema: Schema, ref: TypeRef, v: Json): FieldSet {
  const w = new Walker(schema);
  w.walk(ref, v, []);
  return w.set;
}
