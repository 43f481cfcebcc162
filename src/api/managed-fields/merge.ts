// TypedValue.Merge with the keep-right rule: the applied configuration (rhs) merged into the live
// object (lhs). Leaves (scalars, atomic lists and maps) take rhs's value; maps merge key by key;
// associative lists merge item by item, keeping the live order and placing the applied items in
// the order the configuration gives them.
import { ItemError, listItemPE } from './list-items.js';
import { serializePE, type PathElement } from './path-element.js';
import { DEDUCED, deduce, fieldType, type Atom, type ListType, type MapType, type Schema, type TypeRef } from './schema-types.js';
import { isObject, type Json, type JsonObject } from './values.js';

const FALLBACK: TypeRef = { named: DEDUCED };
type Side = Json | undefined;

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** A value of another type than the schema's (null counts as an empty map or list). */
const mismatch = (v: Side, typed: unknown): boolean => v !== undefined && v !== null && typed === undefined;

interface Indexed {
  pes: PathElement[];
  keys: string[];
  observed: Map<string, Json>;
}

class Merger {
  constructor(private readonly schema: Schema) {}

  merge(ref: TypeRef, lhs: Side, rhs: Side): Side {
    const atom = this.schema.resolve(ref) ?? this.schema.resolve(FALLBACK)!;
    return this.handle(deduce(atom, rhs === undefined ? lhs : rhs), lhs, rhs);
  }

  private handle(a: Atom, lhs: Side, rhs: Side): Side {
    if (a.map) return this.map(a.map, lhs, rhs);
    if (a.list && !a.scalar) return this.list(a.list, lhs, rhs);
    return rhs ?? lhs;
  }

  private map(t: MapType, lhs: Side, rhs: Side): Side {
    const l = isObject(lhs) ? lhs : undefined;
    const r = isObject(rhs) ? rhs : undefined;
    const emptyBoth = Object.keys(l ?? {}).length === 0 && Object.keys(r ?? {}).length === 0;
    if (t.relationship === 'atomic' || emptyBoth || mismatch(rhs, r) || mismatch(lhs, l)) return rhs ?? lhs;
    const out: JsonObject = {};
    for (const k of new Set([...Object.keys(l ?? {}), ...Object.keys(r ?? {})])) {
      const v = this.merge(fieldType(t, k) ?? FALLBACK, l?.[k], r?.[k]);
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  private index(t: ListType, items: Json[], allowDuplicates: boolean): Indexed {
    const ix: Indexed = { pes: [], keys: [], observed: new Map() };
    items.forEach((item, i) => {
      let pe: PathElement;
      try {
        pe = listItemPE(this.schema, t, item);
      } catch (err) {
        if (err instanceof ItemError) throw new MergeError(`element ${i}: ${err.message}`);
        throw err;
      }
      const k = serializePE(pe);
      if (ix.observed.has(k) && !allowDuplicates) throw new MergeError(`duplicate entries for key ${k}`);
      ix.observed.set(k, ix.observed.has(k) ? null : item);
      ix.pes.push(pe);
      ix.keys.push(k);
    });
    return ix;
  }

  private list(t: ListType, lhs: Side, rhs: Side): Side {
    const l = Array.isArray(lhs) ? lhs : undefined;
    const r = Array.isArray(rhs) ? rhs : undefined;
    const emptyBoth = (l?.length ?? 0) === 0 && (r?.length ?? 0) === 0;
    if (t.relationship === 'atomic' || emptyBoth || mismatch(rhs, r) || mismatch(lhs, l)) return rhs ?? lhs;
    const out = this.items(t, l ?? [], this.index(t, l ?? [], true), this.index(t, r ?? [], false));
    return out.length > 0 ? out : undefined;
  }

  /** visitListItems: walks both lists, shared items in the configuration's order. */
  private items(t: ListType, lItems: Json[], L: Indexed, R: Indexed): Json[] {
    const out: Json[] = [];
    const push = (v: Side): void => void (v !== undefined && out.push(v));
    const shared = R.keys.filter((k) => L.observed.has(k));
    let next = shared.shift();
    const merged = new Set<string>();
    for (let li = 0, ri = 0; li < L.keys.length || ri < R.keys.length; ) {
      const lk = L.keys[li];
      if (lk !== undefined && ri < R.keys.length) {
        if (lk === R.keys[ri]) {
          merged.add(lk);
          push(this.merge(t.element, L.observed.get(lk), R.observed.get(lk)));
          li++;
          ri++;
          next = shared.shift();
          continue;
        }
        if (R.observed.has(lk) && next !== undefined && next !== lk) {
          li++;
          continue;
        }
      }
      if (lk !== undefined) {
        if (!R.observed.has(lk)) {
          push(this.merge(t.element, lItems[li], undefined));
          li++;
          continue;
        } else if (merged.has(lk)) li++;
      }
      if (ri < R.keys.length) {
        const rk = R.keys[ri]!;
        merged.add(rk);
        push(this.merge(t.element, L.observed.get(rk), R.observed.get(rk)));
        ri++;
        if (next === rk) next = shared.shift();
      }
    }
    return out;
  }
}

/** lhs.Merge(rhs): throws MergeError for lists whose items cannot be named or repeat in rhs. */
export function mergeValues(schema: Schema, ref: TypeRef, lhs: Json | undefined, rhs: Json | undefined): Json | undefined {
  return new Merger(schema).merge(ref, lhs, rhs);
}
