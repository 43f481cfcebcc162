// reflect.Type.String() of API fields, as encoding/json names them in UnmarshalTypeError:
// `[]v1.Container`, `*v1.Probe` (a pointer's element when a value lands in it), `map[string]string`,
// named types from the upstream sources (`v1.Protocol`, `v1.ResourceList`, `types.UID`).
import { NAMED_FIELD_TYPES } from './named-types.js';
import type { Row } from './tables.js';

const SCALARS: Record<string, string> = { string: 'string', bool: 'bool', bytes: '[]uint8', int32: 'int32', int64: 'int64', double: 'float64' };
const SPECIAL: Record<string, string> = {
  '@time': 'v1.Time', '@microtime': 'v1.MicroTime', '@quantity': 'resource.Quantity',
  '@intorstring': 'intstr.IntOrString', '@raw': 'runtime.RawExtension',
};

/** A type key or scalar as Go prints it: `core/v1.Probe` → `v1.Probe`, `autoscaling/v2.X` → `v2.X`. */
export function goName(type: string): string {
  const special = SPECIAL[type] ?? SCALARS[type];
  if (special !== undefined) return special;
  const dot = type.indexOf('.');
  if (dot < 0) return type;
  return `${type.slice(type.lastIndexOf('/', dot) + 1, dot)}.${type.slice(dot + 1)}`;
}

/** The bare struct name Go's error context gives (`EnvVar`). */
export const structName = (typeKey: string): string => typeKey.slice(typeKey.indexOf('.') + 1);

/** The Go type of a struct's field (`core/v1.Container` + its `ports` row → `[]v1.ContainerPort`). */
export function fieldGoType(structKey: string, row: Row): string {
  const [json, , type, flags] = row;
  const named = NAMED_FIELD_TYPES[`${structKey}.${json}`];
  if (named !== undefined) return named;
  const elem = goName(type);
  if (flags.includes('m')) return `map[string]${elem}`;
  if (flags.includes('r')) return `[]${elem}`;
  return flags.includes('p') ? `*${elem}` : elem;
}

/** The element of a slice or map type (`[]v1.Capability` → `v1.Capability`). */
export function elementGoType(goType: string, type: string): string {
  if (goType.startsWith('[]')) return goType.slice(2);
  if (goType.startsWith('map[')) return goType.slice(goType.indexOf(']') + 1);
  return goName(type);
}
