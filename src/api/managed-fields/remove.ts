// TypedValue.RemoveItems (the fields of a set taken out of a value) and
// Set.EnsureNamedFieldsAreMembers (a struct field with owned fields below it counts as owned too),
// which apply uses to prune what a manager stopped applying.
import { FieldSet } from './field-set.js';
import { itemPEs } from './list-items.js';
import { fieldPE, serializePE } from './path-element.js';
import { DEDUCED, deduce, fieldType, type ListType, type MapType, type Schema, type TypeRef } from './schema-types.js';
import { isObject, type Json, type JsonObject } from './values.js';

const FALLBACK: TypeRef = { named: DEDUCED };

class Remover {
  constructor(private readonly schema: Schema) {}

  remove(ref: TypeRef, v: Json, set: FieldSet): Json {
    const atom = deduce(this.schema.resolve(ref) ?? this.schema.resolve(FALLBACK)!, v);
    if (atom.map) return this.map(atom.map, v, set);
    if (atom.scalar) return v;
    if (atom.list) return this.list(atom.list, v, set);
    return v;
  }

  private list(t: ListType, v: Json, set: FieldSet): Json {
    if (!Array.isArray(v) || v.length === 0 || t.relationship === 'atomic') return null;
    const out: Json[] = [];
    const pes = itemPEs(this.schema, t, v);
    v.forEach((item, i) => {
      const pe = pes[i];
      if (!pe) return void out.push(item);
      if (set.hasMember(pe)) return;
      const below = set.withPrefix(pe);
      out.push(below.empty() ? item : this.remove(t.element, item, below));
    });
    return out.length > 0 ? out : null;
  }

  private map(t: MapType, v: Json, set: FieldSet): Json {
    if (!isObject(v) || Object.keys(v).length === 0 || t.relationship === 'atomic') return null;
    const out: JsonObject = {};
    for (const [k, val] of Object.entries(v)) {
      const pe = fieldPE(k);
      if (set.hasMember(pe)) continue;
      const below = set.withPrefix(pe);
      out[k] = below.empty() ? val : this.remove(fieldType(t, k) ?? FALLBACK, val, below);
    }
    return Object.keys(out).length > 0 ? out : null;
  }
}

/** tv.RemoveItems(set). */
export function removeItems(schema: Schema, ref: TypeRef, v: Json, set: FieldSet): Json {
  return new Remover(schema).remove(ref, v, set);
}

/** Set.EnsureNamedFieldsAreMembers. */
export function ensureNamedFieldsAreMembers(schema: Schema, ref: TypeRef | undefined, set: FieldSet): FieldSet {
  const atom = ref ? schema.resolve(ref) : undefined;
  const out = new FieldSet();
  for (const [k, pe] of set.members) out.members.set(k, pe);
  for (const [k, c] of set.children) {
    let child: TypeRef | undefined;
    if ('field' in c.pe && atom?.map) {
      if (atom.map.fields.has(c.pe.field)) out.members.set(serializePE(c.pe), c.pe);
      child = fieldType(atom.map, c.pe.field);
    } else if ('key' in c.pe && atom?.list) child = atom.list.element;
    out.children.set(k, { pe: c.pe, set: ensureNamedFieldsAreMembers(schema, child, c.set) });
  }
  return out;
}
