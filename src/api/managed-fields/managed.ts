// metadata.managedFields ⇄ the field manager's view: one versioned field set per manager
// identifier (manager, operation, apiVersion for updates, subresource) and when it last changed.
// Encoding sorts the entries as upstream does: operation, time, manager, apiVersion, subresource.
import { FieldSet } from './field-set.js';
import { fromFieldsV1, toFieldsV1 } from './fields-v1.js';
import type { ManagedFields, VersionedSet } from './updater.js';
import { isObject, type JsonObject } from './values.js';

/** metav1.ManagedFieldsEntry, members in its JSON order. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: JsonObject;
  subresource?: string;
}

export interface Managed {
  fields: ManagedFields;
  times: Map<string, string | undefined>;
}

export const emptyManaged = (): Managed => ({ fields: new Map(), times: new Map() });

export class ManagedFieldsDecodeError extends Error {
  override readonly name = 'ManagedFieldsDecodeError';
}

/** BuildManagerIdentifier: the entry without fieldsType, fieldsV1, time (and apiVersion for Apply). */
export function managerIdentifier(e: Pick<ManagedFieldsEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: ManagedFieldsEntry = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.apiVersion && e.operation !== 'Apply') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

export const parseIdentifier = (id: string): ManagedFieldsEntry => JSON.parse(id) as ManagedFieldsEntry;

function checkEntry(e: ManagedFieldsEntry, i: number): void {
  if (e.operation !== 'Apply' && e.operation !== 'Update') throw new ManagedFieldsDecodeError('operation must be `Apply` or `Update`');
  if (!e.apiVersion) throw new ManagedFieldsDecodeError('apiVersion must not be empty');
  if (!e.fieldsType) throw new ManagedFieldsDecodeError(`missing fieldsType in managed fields entry ${i}`);
  if (e.fieldsType !== 'FieldsV1') throw new ManagedFieldsDecodeError(`invalid fieldsType ${JSON.stringify(e.fieldsType)} in managed fields entry ${i}`);
}

/** DecodeManagedFields; throws ManagedFieldsDecodeError. */
export function decodeManaged(entries: unknown): Managed {
  const managed = emptyManaged();
  if (!Array.isArray(entries)) return managed;
  entries.forEach((raw, i) => {
    const e = (isObject(raw) ? raw : {}) as ManagedFieldsEntry;
    checkEntry(e, i);
    const id = managerIdentifier(e);
    let set: FieldSet;
    try {
      set = fromFieldsV1(e.fieldsV1 ?? {});
    } catch (err) {
      throw new ManagedFieldsDecodeError(`error decoding versioned set: error decoding set: ${(err as Error).message}`);
    }
    managed.fields.set(id, { set, apiVersion: e.apiVersion!, applied: e.operation === 'Apply' });
    managed.times.set(id, e.time);
  });
  return managed;
}

function encodeEntry(id: string, v: VersionedSet, time: string | undefined): ManagedFieldsEntry {
  const base = parseIdentifier(id);
  const e: ManagedFieldsEntry = { manager: base.manager, operation: v.applied ? 'Apply' : base.operation, apiVersion: v.apiVersion };
  if (e.manager === undefined) delete e.manager;
  if (time !== undefined) e.time = time;
  e.fieldsType = 'FieldsV1';
  e.fieldsV1 = toFieldsV1(v.set);
  if (base.subresource) e.subresource = base.subresource;
  return e;
}

const seconds = (t: string | undefined): number => (t ? Math.floor(Date.parse(t) / 1000) || 0 : 0);
const cmp = (a: string | undefined, b: string | undefined): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  if (p.operation !== q.operation) return cmp(p.operation, q.operation);
  if (seconds(p.time) !== seconds(q.time)) return seconds(p.time) - seconds(q.time);
  return cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource);
}

/** encodeManagedFields: undefined (no managedFields) when no manager owns anything. */
export function encodeManaged(m: Managed): ManagedFieldsEntry[] | undefined {
  if (m.fields.size === 0) return undefined;
  const out = [...m.fields].map(([id, v]) => encodeEntry(id, v, m.times.get(id)));
  return out.sort(compareEntries);
}

/** isResetManagedFields: `[]` or `[{}]` in a request clears the managed fields. */
export function isResetManagedFields(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  if (v.length === 0) return true;
  return v.length === 1 && isObject(v[0]) && Object.keys(v[0]).length === 0;
}
