// client-go's csaupgrade: which managed-fields entries own the last-applied annotation, and the
// JSON patch that folds client-side-apply managers' fields into the server-side apply manager.
import type { Obj } from '../../../../client/types.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import { LAST_APPLIED } from './last-applied.js';

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

type FieldSet = Record<string, unknown>;

function ownsPath(set: FieldSet | undefined, path: string[]): boolean {
  let cur: unknown = set;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !(p in (cur as FieldSet))) return false;
    cur = (cur as FieldSet)[p];
  }
  return true;
}

/** FindFieldsOwners for metadata.annotations[last-applied]. */
export function ownsLastApplied(entries: ManagedFieldsEntry[], operation: string): ManagedFieldsEntry[] {
  const path = ['f:metadata', 'f:annotations', `f:${LAST_APPLIED}`];
  return entries.filter((e) => e.operation === operation && ownsPath(e.fieldsV1, path));
}

function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = cur !== null && typeof cur === 'object' && v !== null && typeof v === 'object' ? union(cur as FieldSet, v as FieldSet) : v;
  }
  return out;
}

const isCsa = (e: ManagedFieldsEntry, csa: string): boolean => e.manager === csa && e.operation === 'Update' && (e.subresource ?? '') === '';

function upgraded(entries: ManagedFieldsEntry[], csa: string, ssa: string): ManagedFieldsEntry[] {
  const copy = entries.map((e) => ({ ...e }));
  let target = copy.findIndex((e) => e.manager === ssa && e.operation === 'Apply' && (e.subresource ?? '') === '');
  if (target < 0) {
    target = copy.findIndex((e) => isCsa(e, csa));
    if (target < 0) return copy;
    copy[target] = { ...copy[target]!, operation: 'Apply', manager: ssa };
  }
  const t = copy[target]!;
  const source = copy.find((e) => isCsa(e, csa) && e.apiVersion === t.apiVersion);
  copy[target] = { ...t, fieldsV1: source ? union(t.fieldsV1 ?? {}, source.fieldsV1 ?? {}) : (t.fieldsV1 ?? {}) };
  return copy.filter((e) => !isCsa(e, csa));
}

/** UpgradeManagedFieldsPatch: undefined when nothing needs migrating. */
export function upgradeManagedFieldsPatch(obj: Obj, csaManagers: Set<string>, ssaManager: string): string | undefined {
  const entries = (obj.metadata?.managedFields ?? []) as ManagedFieldsEntry[];
  if (entries.length === 0) return undefined;
  let filtered = entries;
  for (const csa of csaManagers) filtered = upgraded(filtered, csa, ssaManager);
  if (goJsonMarshal(filtered) === goJsonMarshal(entries)) return undefined;
  return goJsonMarshal([
    { op: 'replace', path: '/metadata/managedFields', value: filtered },
    { op: 'replace', path: '/metadata/resourceVersion', value: obj.metadata?.resourceVersion ?? '' },
  ]);
}
