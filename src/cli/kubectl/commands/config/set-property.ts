// set.go's modifyConfig: walks the steps through api.Config and sets (or unsets) the value at
// the end — strings as given, bools through strconv.ParseBool, []byte from base64 (or raw with
// --set-raw-bytes) — creating missing map entries on the way when setting.
import { decodeBase64 } from './base64.js';
import { goSprint } from './go-format.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { isStruct, newStruct, str, zeroValue, type Struct, type Value } from './model.js';
import { GoPanic, type Step } from './navigation.js';
import type { GoType, MapType, StructType } from './types.js';

interface Slot {
  type: GoType;
  get(): Value;
  set(v: Value): void;
}

interface Walk {
  steps: Step[];
  at: number;
  value: string;
  unset: boolean;
  rawBytes: boolean;
}

const more = (w: Walk): boolean => w.at < w.steps.length;
const pop = (w: Walk): string | undefined => (more(w) ? w.steps[w.at++]!.value : undefined);

const BOOLS: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };

function parseBool(s: string): boolean {
  if (s === '') return false;
  const b = BOOLS[s];
  if (b === undefined) throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(s)}: invalid syntax`);
  return b;
}

function setBytes(slot: Slot, w: Walk): void {
  if (w.unset) return slot.set(null);
  if (w.rawBytes) return slot.set(new TextEncoder().encode(w.value));
  try {
    slot.set(decodeBase64(w.value));
  } catch (err) {
    throw new Error(`error decoding input value: ${(err as Error).message}`);
  }
}

function modifyMap(slot: Slot, t: MapType, key: string | undefined, w: Walk): void {
  let map = slot.get();
  if (!(map instanceof Map)) slot.set((map = new Map()));
  if (!more(w) && !w.unset) throw new Error(`can't set a map to a value: ${goSprint(map, t, false)}`);
  if (!more(w)) return void map.delete(key ?? '');
  let entry = map.get(key ?? '');
  if (entry === undefined) {
    if (w.unset) throw new Error(`current map key \`${key ?? ''}\` is invalid`);
    entry = t.elem.k === 'struct' ? newStruct(t.elem) : zeroValue(t.elem);
    map.set(key ?? '', entry);
  }
  const m = map;
  modify({ type: t.elem, get: () => m.get(key ?? '') ?? null, set: (v) => m.set(key ?? '', v) }, w);
}

function modifyStruct(slot: Slot, t: StructType, step: string | undefined, w: Walk): void {
  const s = slot.get() as Struct;
  const field = step === undefined ? undefined : t.fields.find((f) => f.tag === step);
  if (!field) {
    const shown = `config.navigationStep{stepValue:${JSON.stringify(step ?? '')}, stepType:reflect.Type(nil)}`;
    throw new Error(`unable to locate path ${shown} under ${goSprint(s, t, false)}`);
  }
  if (field.type.k === 'map' && !(s[field.tag] instanceof Map)) {
    s[field.tag] = new Map();
    if (!more(w) && w.unset) return;
  }
  if (!more(w) && w.unset) return void (s[field.tag] = zeroValue(field.type));
  modify({ type: field.type, get: () => s[field.tag] ?? null, set: (v) => (s[field.tag] = v) }, w);
}

function modifyLeaf(slot: Slot, w: Walk): void {
  const t = slot.type;
  if (more(w)) throw new Error(`can't have more steps after a ${t.k}.`);
  if (t.k === 'string') return slot.set(w.value);
  if (t.k === 'bool') return slot.set(parseBool(w.value));
  if (t.k === 'bytes') return setBytes(slot, w);
  if (t.k === 'slice') throw new Error(`unrecognized slice type. ${t.elem.k === 'bool' || t.elem.k === 'string' ? t.elem.k : t.elem.k === 'struct' ? 'struct' : 'slice'}`);
  throw new GoPanic(`unrecognized type: ${pointerText(slot.get())}`);
}

/** %v of the *AuthProviderConfig or *ExecConfig a path ends on: their String() methods. */
function pointerText(v: Value): string {
  if (!isStruct(v)) return '<nil>';
  if (!('command' in v)) {
    return `api.AuthProviderConfig{Name: ${goQuote(str(v, 'name'))}, Config: map[string]string{${v.config === null ? '<nil>' : '--- REDACTED ---'}}}`;
  }
  const args = Array.isArray(v.args) && v.args.length > 0 ? '[]string{"--- REDACTED ---"}' : '[]string(nil)';
  const env = Array.isArray(v.env) && v.env.length > 0 ? '[]ExecEnvVar{--- REDACTED ---}' : '[]ExecEnvVar(nil)';
  return `api.ExecConfig{Command: ${goQuote(str(v, 'command'))}, Args: ${args}, Env: ${env}, APIVersion: ${goQuote(str(v, 'apiVersion'))}, ProvideClusterInfo: ${String(v.provideClusterInfo === true)}, Config: runtime.Object(nil), StdinUnavailable: false}`;
}

function modify(slot: Slot, w: Walk): void {
  const step = pop(w);
  const t = slot.type;
  if (t.k === 'map') return modifyMap(slot, t, step, w);
  if (t.k === 'struct' && isStruct(slot.get())) return modifyStruct(slot, t, step, w);
  modifyLeaf(slot, w);
}

/** Sets (or, with unset, clears) the property the steps lead to in cfg. */
export function setProperty(cfg: Struct, root: StructType, steps: Step[], value: string, o: { unset: boolean; rawBytes: boolean }): void {
  const slot: Slot = { type: root, get: () => cfg, set: () => undefined };
  modify(slot, { steps, at: 0, value, unset: o.unset, rawBytes: o.rawBytes });
}
