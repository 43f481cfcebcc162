// FieldManager.UpdateNoErrors: the managed fields after a create, update or non-apply patch. The
// request's managedFields are used when valid (`[]` clears them; a subresource always keeps the
// live ones); the manager then owns what it added or changed, taken from everyone else. An object
// whose managed fields were cleared is not tracked again until someone applies.
import { capUpdateManagers, stripMeta } from './housekeeping.js';
import {
  decodeManaged,
  emptyManaged,
  encodeManaged,
  isResetManagedFields,
  managerIdentifier,
  type Managed,
} from './managed.js';
import type { FieldManagerScope } from './scope.js';
import { updateManaged } from './updater.js';
import { isObject, type Json, type JsonObject } from './values.js';

/** A Kubernetes object as JSON, metadata included. */
export type ObjectJson = JsonObject & { metadata?: JsonObject };

const CURRENT = 'current-operation';

export const metaOf = (o: ObjectJson): JsonObject => (isObject(o.metadata) ? o.metadata : {});

function decodeOrEmpty(entries: Json | undefined): Managed | undefined {
  try {
    return decodeManaged(entries);
  } catch {
    return undefined;
  }
}

/** decodeLiveOrNew. */
export function liveOrNew(live: ObjectJson, next: ObjectJson, subresource: boolean): Managed {
  const fromLive = (): Managed => decodeOrEmpty(metaOf(live).managedFields) ?? emptyManaged();
  if (subresource) return fromLive();
  const requested = metaOf(next).managedFields;
  if (isResetManagedFields(requested)) return emptyManaged();
  const m = decodeOrEmpty(requested);
  return m && m.fields.size > 0 ? m : fromLive();
}

/** The object without metadata.managedFields (as the field manager compares objects). */
export function withoutManagedFields(o: ObjectJson): ObjectJson {
  if (!isObject(o.metadata) || !('managedFields' in o.metadata)) return o;
  const { managedFields: _drop, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** The update chain below skipNonApplied, for one manager (capped afterwards). */
export function recordUpdate(scope: FieldManagerScope, live: ObjectJson, next: ObjectJson, managed: Managed, manager: string): void {
  const id = managerIdentifier({ manager: manager || 'unknown', operation: 'Update', apiVersion: scope.apiVersion, subresource: scope.subresource });
  updateManaged(scope.typed, withoutManagedFields(live), withoutManagedFields(next), scope.apiVersion, managed.fields, CURRENT);
  stripMeta(managed, CURRENT);
  const current = managed.fields.get(CURRENT);
  if (current) {
    managed.fields.delete(CURRENT);
    const prev = managed.fields.get(id);
    managed.fields.set(id, { set: prev ? current.set.union(prev.set) : current.set, apiVersion: current.apiVersion, applied: current.applied });
    managed.times.set(id, scope.now);
  }
  capUpdateManagers(managed);
}

/** Sets (or removes) metadata.managedFields, last among the metadata. */
export function withManagedFields(o: ObjectJson, m: Managed): ObjectJson {
  const base = withoutManagedFields(o);
  const entries = encodeManaged(m);
  if (!entries) return base;
  return { ...base, metadata: { ...metaOf(base), managedFields: entries as unknown as Json } };
}

/**
 * The object to store after a create (live undefined), update or non-apply patch by `manager`,
 * with its managedFields; on any failure, the object without them (UpdateNoErrors).
 */
export function trackUpdate(scope: FieldManagerScope, live: ObjectJson | undefined, next: ObjectJson, manager: string): ObjectJson {
  const liveObj = live ?? (scope.zero() as ObjectJson);
  try {
    const managed = liveOrNew(liveObj, next, scope.subresource !== '');
    if (managed.fields.size === 0 && metaOf(liveObj).uid) return withManagedFields(next, managed);
    recordUpdate(scope, liveObj, next, managed, manager);
    return withManagedFields(next, managed);
  } catch {
    return withoutManagedFields(next);
  }
}
