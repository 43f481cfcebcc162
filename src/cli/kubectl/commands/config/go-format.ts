// fmt's %v of kubeconfig values, as clientcmd and `kubectl config set` put them in error texts:
// structs as `{a b}`, byte slices as `[104 105]`, maps as `map[k:v]`. Pointers below the top
// print as addresses, which Go makes up per run; ours are stand-ins of the same shape.
import { isStruct, RawJson, type Value } from './model.js';
import type { GoType, MapType, StructType } from './types.js';

const FAKE_ADDRESS = '0xc000010000';

function sprintStruct(v: Value, t: StructType, v1: boolean): string {
  const s = isStruct(v) ? v : {};
  const fields = t.fields.filter((f) => !v1 || f.v1 !== null);
  return `{${fields.map((f) => goSprint(s[f.tag] ?? null, f.type, v1, true)).join(' ')}}`;
}

function sprintMap(v: Value, t: MapType, v1: boolean): string {
  const m = v instanceof Map ? v : new Map<string, Value>();
  const keys = [...m.keys()].sort();
  if (v1 && t.named) {
    const item = (k: string): string => `{${k} ${t.elem.k === 'object' ? sprintRaw(m.get(k)!) : goSprint(m.get(k)!, t.elem, v1, true)}}`;
    return `[${keys.map(item).join(' ')}]`;
  }
  const value = (x: Value): string => (t.ptr ? (x === null ? '<nil>' : FAKE_ADDRESS) : goSprint(x, t.elem, v1, true));
  return `map[${keys.map((k) => `${k}:${value(m.get(k)!)}`).join(' ')}]`;
}

/** runtime.RawExtension: {Raw Object}. */
function sprintRaw(v: Value): string {
  const json = v instanceof RawJson ? v.json : null;
  const raw = json === null ? '' : [...Buffer.from(JSON.stringify(json))].join(' ');
  return `{[${raw}] <nil>}`;
}

/** %v of a value of type t (in v1's shape when v1). */
export function goSprint(v: Value, t: GoType, v1: boolean, nested = false): string {
  switch (t.k) {
    case 'string':
      return typeof v === 'string' ? v : '';
    case 'bool':
      return String(v === true);
    case 'bytes':
      return `[${v instanceof Uint8Array ? [...v].join(' ') : ''}]`;
    case 'slice':
      return `[${(Array.isArray(v) ? v : []).map((x) => goSprint(x, t.elem, v1, true)).join(' ')}]`;
    case 'map':
      return sprintMap(v, t, v1);
    case 'ptr':
      if (v === null) return '<nil>';
      return nested ? FAKE_ADDRESS : `&${sprintStruct(v, t.elem, v1)}`;
    case 'struct':
      return sprintStruct(v, t, v1);
    case 'object':
      return v === null ? '<nil>' : sprintRaw(v);
  }
}

/** %v of a v1 named list given as decoded [name, value] items, in list order. */
export function goSprintNamedList(items: Array<[string, Value]>, t: MapType): string {
  const one = ([name, value]: [string, Value]): string =>
    `{${name} ${t.elem.k === 'object' ? sprintRaw(value) : goSprint(value, t.elem, true, true)}}`;
  return `[${items.map(one).join(' ')}]`;
}
