// structured-merge-diff's merge.Updater, for objects of one version: an update takes what it
// changed from every other manager and gives it to its own; an apply merges the configuration,
// prunes what its manager stopped applying (unless someone else owns it), and fails on fields
// another manager owns with a different value unless forced.
import { compareValues, type Comparison } from './compare.js';
import type { FieldSet } from './field-set.js';
import { mergeValues } from './merge.js';
import { ensureNamedFieldsAreMembers, removeItems } from './remove.js';
import type { Schema, TypeRef } from './schema-types.js';
import { toFieldSet } from './to-field-set.js';
import { equalValues, type Json } from './values.js';

export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** Managers by identifier (see managed.ts). */
export type ManagedFields = Map<string, VersionedSet>;

export interface Typed {
  readonly schema: Schema;
  readonly type: TypeRef;
  /** The fields a request may not set here (reset fields), taken out of every result. */
  readonly ignore: (set: FieldSet) => FieldSet;
}

/** Conflicts: per manager, the fields it owns that the operation changes. */
export class Conflicts extends Error {
  override readonly name = 'Conflicts';

  constructor(readonly byManager: Map<string, FieldSet>) {
    super('conflicts');
  }
}

const vs = (set: FieldSet, apiVersion: string, applied: boolean): VersionedSet => ({ set, apiVersion, applied });

function filtered(t: Typed, c: Comparison): Comparison {
  return { added: t.ignore(c.added), modified: t.ignore(c.modified), removed: t.ignore(c.removed) };
}

/** Updater.update: ownership of changed fields leaves the other managers. */
function update(t: Typed, oldObj: Json, newObj: Json, managers: ManagedFields, workflow: string, force: boolean): Comparison {
  const compare = filtered(t, compareValues(t.schema, t.type, oldObj, newObj));
  const changed = compare.modified.union(compare.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, owned] of managers) {
    if (manager === workflow) continue;
    const conflict = owned.set.intersection(changed);
    if (!conflict.empty()) conflicts.set(manager, conflict);
  }
  if (!force && conflicts.size > 0) throw new Conflicts(conflicts);
  for (const [manager, owned] of managers) {
    if (manager === workflow) continue;
    let set = owned.set;
    const conflict = conflicts.get(manager);
    if (conflict) set = set.difference(conflict);
    if (!compare.removed.empty()) set = set.difference(compare.removed);
    managers.set(manager, vs(set, owned.apiVersion, owned.applied));
  }
  for (const [manager, owned] of managers) if (owned.set.empty()) managers.delete(manager);
  return compare;
}

/** Updater.Update: `manager` now owns what it added or modified. */
export function updateManaged(t: Typed, live: Json, next: Json, version: string, managers: ManagedFields, manager: string): ManagedFields {
  const compare = update(t, live, next, managers, manager, true);
  const prev = managers.get(manager)?.set;
  let set = compare.modified.union(compare.added);
  if (prev) set = prev.difference(compare.removed).union(set);
  set = t.ignore(set);
  if (set.empty()) managers.delete(manager);
  else managers.set(manager, vs(set, version, false));
  return managers;
}

export interface ApplyResult {
  /** undefined when the apply changes nothing. */
  object: Json | undefined;
  managers: ManagedFields;
}

/** Updater.Apply. Throws Conflicts (unless forced) and MergeError. */
export function applyManaged(t: Typed, live: Json, config: Json, version: string, managers: ManagedFields, manager: string, force: boolean): ApplyResult {
  let merged: Json = mergeValues(t.schema, t.type, live, config) ?? {};
  const last = managers.get(manager);
  managers.set(manager, vs(t.ignore(toFieldSet(t.schema, t.type, config)), version, true));
  merged = prune(t, merged, managers, manager, last);
  update(t, live, merged, managers, manager, force);
  return { object: equalValues(live, merged) ? undefined : merged, managers };
}

const named = (t: Typed, s: FieldSet): FieldSet => ensureNamedFieldsAreMembers(t.schema, t.type, s);

/** What the manager applied last time and not now, nobody else owns and was not dangling. */
function prune(t: Typed, merged: Json, managers: ManagedFields, manager: string, last: VersionedSet | undefined): Json {
  if (!last || last.set.empty()) return merged;
  let pruned = removeItems(t.schema, t.type, merged, named(t, last.set));
  let owned: FieldSet | undefined;
  for (const m of managers.values()) owned = owned ? owned.union(m.set) : m.set;
  const mergedSet = named(t, toFieldSet(t.schema, t.type, merged));
  if (owned) {
    const keep = named(t, toFieldSet(t.schema, t.type, pruned)).union(named(t, owned));
    pruned = removeItems(t.schema, t.type, merged, mergedSet.difference(keep));
  }
  const prunedSet = named(t, toFieldSet(t.schema, t.type, pruned));
  return removeItems(t.schema, t.type, merged, mergedSet.difference(prunedSet).intersection(named(t, last.set)));
}
