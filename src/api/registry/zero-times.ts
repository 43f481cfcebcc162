// The zero times of a typed decode: the apiserver decodes every write into Go structs and encodes
// what it stores, so a metav1.Time (or MicroTime) field that is not a pointer is always in the
// JSON, as null when it is zero — a pod condition's `lastProbeTime: null`, an event's
// `eventTime: null` — even when the client left it out or a patch's null removed it. Without
// this pass a patched status would lose fields the real apiserver shows.
import { kindMessage, messageSpec, schemaData, type FieldSpec } from '../protobuf/schema.js';

type Json = Record<string, unknown>;

const isZeroableTime = (f: FieldSpec): boolean => (f.type === '@time' || f.type === '@microtime') && !f.pointer && !f.repeated && !f.map;
const isMessage = (type: string): boolean => schemaData().messages[type] !== undefined;

/** Whether a value of message `key` can hold a zero-able time, at any depth (memoised; cycles answer false while open). */
const reach = new Map<string, boolean>();
function reaches(key: string): boolean {
  const known = reach.get(key);
  if (known !== undefined) return known;
  reach.set(key, false);
  const found = messageSpec(key).fields.some((f) => isZeroableTime(f) || (isMessage(f.type) && reaches(f.type)));
  reach.set(key, found);
  return found;
}

function walkValue(type: string, v: unknown): void {
  if (v === null || typeof v !== 'object') return;
  const spec = messageSpec(type);
  if (spec.list) {
    if (Array.isArray(v)) for (const item of v) walkValue(spec.fields[0]!.type, item);
    return;
  }
  if (!Array.isArray(v)) walkStruct(type, v as Json);
}

function walkStruct(type: string, obj: Json): void {
  let missing = false;
  for (const f of messageSpec(type).fields) {
    const v = obj[f.json];
    if (isZeroableTime(f)) {
      missing ||= v === undefined;
      continue;
    }
    if (!isMessage(f.type) || !reaches(f.type)) continue;
    if (f.inline) walkStruct(f.type, obj);
    else if (v === undefined || v === null || typeof v !== 'object') continue;
    else if (f.map) for (const x of Object.values(v as Json)) walkValue(f.type, x);
    else if (f.repeated && Array.isArray(v)) for (const x of v) walkValue(f.type, x);
    else walkValue(f.type, v);
  }
  if (missing) fillInOrder(type, obj);
}

/** Adds the missing zero times as null, the struct's keys in its Go declaration order (encoding/json's). */
function fillInOrder(type: string, obj: Json): void {
  const fields = messageSpec(type).fields;
  const before = { ...obj };
  for (const k of Object.keys(obj)) delete obj[k];
  for (const f of fields) {
    if (f.json in before) obj[f.json] = before[f.json];
    else if (isZeroableTime(f)) obj[f.json] = null;
  }
  for (const [k, v] of Object.entries(before)) if (!(k in obj)) obj[k] = v;
}

/** Fills the zero times of an object of a served built-in kind; others are left as they are. */
export function fillZeroTimes(apiVersion: string, kind: string, obj: Json): void {
  const key = kindMessage(apiVersion, kind);
  if (key !== undefined && reaches(key)) walkStruct(key, obj);
}
