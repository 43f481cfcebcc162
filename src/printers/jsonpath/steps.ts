// The path steps of jsonpath.go that need no range state: field, array slice, wildcard and
// recursive descent. A JSON null held in the data (a nil interface{}) is skipped by every step,
// as template.Indirect reports it nil. Map iteration (wildcard, `..`) is in sorted key order
// here; Go's is random.

import { JsonPathExecError } from './errors.js';
import type { SliceParam } from './nodes.js';
import { data, goTypeName, isMap, sortedKeys, type Val } from './values.js';

export interface StepOptions {
  allowMissingKeys: boolean;
  typed: boolean;
}

const isNil = (val: Val): boolean => val.t === 'data' && (val.v === null || val.v === undefined);

/** evalField: the key of each map; `<name> is not found` when none has it (unless allowed). */
export function evalField(input: Val[], name: string, o: StepOptions): Val[] {
  if (input.length === 0) return [];
  const results: Val[] = [];
  for (const val of input) {
    if (val.t !== 'data' || !isMap(val.v)) continue;
    if (Object.prototype.hasOwnProperty.call(val.v, name) && val.v[name] !== undefined) results.push(data(val.v[name]));
  }
  if (results.length === 0 && !o.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
  return results;
}

/** The bounds evalArray settles on for one slice, or the error it reports. */
function sliceBounds(params: readonly [SliceParam, SliceParam, SliceParam], len: number, input: Val[]): { from: number; to: number; step: number } | null {
  const [p0, p1, p2] = params;
  let from = p0.known ? p0.value : 0;
  if (from < 0) from += len;
  let to = p1.known ? p1.value : len;
  if (to < 0 || (to === 0 && p1.derived)) to += len;
  if (to === from) return null;
  if (from >= len || from < 0) throw new JsonPathExecError(`array index out of bounds: index ${from}, length ${len}`, input);
  if (to > len || to < 0) throw new JsonPathExecError(`array index out of bounds: index ${to - 1}, length ${len}`, input);
  if (from > to) throw new JsonPathExecError(`starting index ${from} is greater than ending index ${to}`, input);
  if (p2.known && p2.value <= 0) throw new JsonPathExecError('step must be > 0', input);
  return { from, to, step: p2.known ? p2.value : 1 };
}

/** evalArray: `[i]`, `[a:b:c]`, `[*]` over each array of the input. */
export function evalArray(input: Val[], params: readonly [SliceParam, SliceParam, SliceParam], o: StepOptions): Val[] {
  const results: Val[] = [];
  for (const val of input) {
    if (isNil(val)) continue;
    if (val.t !== 'data' || !Array.isArray(val.v)) throw new JsonPathExecError(`${goTypeName(val, o.typed)} is not array or slice`, input);
    const bounds = sliceBounds(params, val.v.length, input);
    if (!bounds) return results;
    for (let i = bounds.from; i < bounds.to; i += bounds.step) results.push(data(val.v[i]));
  }
  return results;
}

/** The children wildcard and `..` visit: map values, array items, a string's bytes. */
function children(val: Val): Val[] {
  if (val.t === 'string' || (val.t === 'data' && typeof val.v === 'string')) {
    return [...new TextEncoder().encode(val.v as string)].map((b): Val => ({ t: 'uint8', v: b }));
  }
  if (val.t !== 'data') return [];
  if (Array.isArray(val.v)) return val.v.map(data);
  if (isMap(val.v)) {
    const m = val.v;
    return sortedKeys(m).map((k) => data(m[k]));
  }
  return [];
}

export function evalWildcard(input: Val[]): Val[] {
  return input.flatMap((val) => (isNil(val) ? [] : children(val)));
}

/** evalRecursive: every value that has children, parents before their descendants. */
export function evalRecursive(input: Val[]): Val[] {
  const result: Val[] = [];
  for (const val of input) {
    if (isNil(val)) continue;
    const kids = children(val);
    if (kids.length === 0) continue;
    result.push(val);
    result.push(...evalRecursive(kids));
  }
  return result;
}
