// `kubectl config set/unset` property paths (navigation_step_parser.go): dot-separated json tags
// of api.Config, where a map key runs on, dots and all, until a part names a field of the map's
// values (`clusters.10.0.0.1.server` → clusters, 10.0.0.1, server).
import { CONFIG, goTypeName, type GoType, type StructType } from './types.js';

export interface Step {
  value: string;
  type: GoType;
}

/** A Go panic: printed as Go prints one, exit 2. */
export class GoPanic extends Error {}

/** Where kubectl v1.32.4's binary keeps the type descriptors a step prints (%v of a
 * reflect.Type field is the descriptor's address). Only api.Preferences can show up in an error:
 * every other struct in a path is behind a map key, which swallows unknown parts. */
const TYPE_ADDRESSES: Record<string, string> = { 'api.Preferences': '0x203acc0' };

/** %v of the steps: `[{preferences 0x203acc0}]`. */
function formatSteps(steps: Step[]): string {
  const address = (t: GoType): string => TYPE_ADDRESSES[goTypeName(t, 'api')] ?? '0xc000010000';
  return `[${steps.map((s) => `{${s.value} ${address(s.type)}}`).join(' ')}]`;
}

/** The struct a map's values point to, or the error getPotentialTypeValues gives. */
function mapValueStruct(t: GoType & { k: 'map' }): StructType {
  const elem = t.elem;
  if (elem.k === 'object') throw new GoPanic('reflect: Elem of invalid type runtime.Object');
  if (elem.k === 'struct') return elem;
  const inner = elem.k === 'slice' || elem.k === 'ptr' ? elem.elem : elem;
  throw new Error(`${goTypeName(inner, 'api')} is not of type struct`);
}

/** findNameStep: the key is every part up to the first one naming a field of the value type. */
function nameStep(parts: string[], fields: Set<string>): string {
  const at = parts.slice(1).findIndex((p) => fields.has(p));
  return (at < 0 ? parts : parts.slice(0, at + 1)).join('.');
}

/** newNavigationSteps */
export function navigationSteps(path: string): Step[] {
  const parts = path.split('.');
  const steps: Step[] = [];
  let type: GoType = CONFIG;
  let i = 0;
  while (i < parts.length) {
    if (type.k === 'map') {
      const value = mapValueStruct(type);
      const name = nameStep(parts.slice(i), new Set(value.fields.map((f) => f.tag)));
      steps.push({ value: name, type: value });
      i += name.split('.').length;
      type = value;
    } else if (type.k === 'struct') {
      const part = parts[i]!;
      const struct: StructType = type;
      const field = struct.fields.find((f) => f.tag === part);
      if (!field) throw new Error(`unable to parse ${path} after ${formatSteps(steps)} at ${goTypeName(struct, 'api')}`);
      steps.push({ value: part, type: field.type });
      i += 1;
      type = field.type;
    } else {
      throw new Error(`unable to parse one or more field values of ${path}`);
    }
  }
  return steps;
}
