// FieldsV1, the JSON form of a field set in metadata.managedFields (fieldpath's ToJSON/FromJSON):
// one key per path element in PathElement order, `{}` for a member, its children's object for a
// parent, and `".": {}` first when an element is both a member and a parent.
import { FieldSet, sortedChildren, sortedMembers } from './field-set.js';
import { comparePE, deserializePE, serializePE, type PathElement } from './path-element.js';
import { isObject, type JsonObject } from './values.js';

type Entry = { pe: PathElement; member: boolean; children?: FieldSet };

function entries(s: FieldSet): Entry[] {
  const byKey = new Map<string, Entry>();
  for (const pe of sortedMembers(s)) byKey.set(serializePE(pe), { pe, member: true });
  for (const c of sortedChildren(s)) {
    const k = serializePE(c.pe);
    byKey.set(k, { pe: c.pe, member: byKey.has(k), children: c.set });
  }
  return [...byKey.values()].sort((a, b) => comparePE(a.pe, b.pe));
}

function emit(s: FieldSet, includeSelf: boolean): JsonObject {
  const out: JsonObject = {};
  if (includeSelf && (s.members.size > 0 || s.children.size > 0)) out['.'] = {};
  for (const e of entries(s)) out[serializePE(e.pe)] = e.children ? emit(e.children, e.member) : {};
  return out;
}

/** Set.ToJSON, as the object stored in fieldsV1. */
export function toFieldsV1(s: FieldSet): JsonObject {
  return emit(s, false);
}

/** readIterV1: the set below `obj`, and whether obj's own element is a member. */
function read(obj: JsonObject): { set: FieldSet | undefined; member: boolean } {
  let set: FieldSet | undefined;
  let member = false;
  for (const [key, v] of Object.entries(obj)) {
    if (key === '.') {
      member = true;
      continue;
    }
    const pe = deserializePE(key);
    if (pe === undefined) continue;
    const child = read(isObject(v) ? v : {});
    set ??= new FieldSet();
    if (child.member) set.members.set(serializePE(pe), pe);
    if (child.set) mergeChild(set, pe, child.set);
  }
  return { set, member: member || set === undefined };
}

function mergeChild(set: FieldSet, pe: PathElement, child: FieldSet): void {
  const k = serializePE(pe);
  const cur = set.children.get(k);
  set.children.set(k, { pe, set: cur ? cur.set.union(child) : child });
}

/** Set.FromJSON; throws on a malformed path element. */
export function fromFieldsV1(obj: unknown): FieldSet {
  if (!isObject(obj)) return new FieldSet();
  return read(obj).set ?? new FieldSet();
}
