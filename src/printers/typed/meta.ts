// Objects kubectl decodes into Go structs print in struct field order, with Go's omitempty
// rules: empty strings, zero numbers and nil pointers dropped, zero times kept as null (a
// metav1.Time struct is never "empty"), non-omitempty fields always present.
type Json = Record<string, unknown>;

export type FieldRule = [name: string, kind: 'omitempty' | 'time' | 'always' | 'struct'];

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** The object's fields in the order given, by their json tag rules; unknown fields are dropped. */
export function ordered(obj: Json | undefined, fields: FieldRule[], nested: Record<string, (v: unknown) => unknown> = {}): Json {
  const out: Json = {};
  const src = obj ?? {};
  for (const [name, kind] of fields) {
    const raw = src[name];
    const v = nested[name] && raw !== undefined && raw !== null ? nested[name]!(raw) : raw;
    if (kind === 'time') out[name] = v ?? null;
    else if (kind === 'struct') out[name] = v ?? {};
    else if (kind === 'always') out[name] = v ?? '';
    else if (!isEmpty(v)) out[name] = v;
  }
  return out;
}

const OBJECT_META: FieldRule[] = [
  ['name', 'omitempty'], ['generateName', 'omitempty'], ['namespace', 'omitempty'], ['selfLink', 'omitempty'],
  ['uid', 'omitempty'], ['resourceVersion', 'omitempty'], ['generation', 'omitempty'], ['creationTimestamp', 'time'],
  ['deletionTimestamp', 'omitempty'], ['deletionGracePeriodSeconds', 'omitempty'], ['labels', 'omitempty'],
  ['annotations', 'omitempty'], ['ownerReferences', 'omitempty'], ['finalizers', 'omitempty'], ['managedFields', 'omitempty'],
];

const MANAGED_FIELDS_ENTRY: FieldRule[] = [
  ['manager', 'omitempty'], ['operation', 'omitempty'], ['apiVersion', 'omitempty'], ['time', 'omitempty'],
  ['fieldsType', 'omitempty'], ['fieldsV1', 'omitempty'], ['subresource', 'omitempty'],
];

const managedFields = (v: unknown): unknown => (Array.isArray(v) ? v.map((e) => ordered(e as Json, MANAGED_FIELDS_ENTRY)) : v);

/** metav1.ObjectMeta; the printers drop managedFields unless --show-managed-fields. */
export function objectMeta(m: unknown): Json {
  return ordered(m as Json, OBJECT_META, { managedFields });
}

export function listMeta(m: unknown): Json {
  return ordered(m as Json, [['selfLink', 'omitempty'], ['resourceVersion', 'omitempty'], ['continue', 'omitempty'], ['remainingItemCount', 'omitempty']]);
}
