// Resolving a JSON patch path the way gopkg.in/evanphx/json-patch.v4 (the apiserver's library)
// does — its findObject and array index rules — and turning the result into a canonical RFC 6901
// pointer that fast-json-patch can apply. Quirks kept: the first path segment is skipped
// whatever it says, indices may be negative (counted from the end) or carry a sign or leading
// zeros (strconv.Atoi), and intermediate values must be objects or arrays.

import { hasKey, isMap, type JsonMap, type JsonValue } from './values.js';

export type Container = JsonMap | JsonValue[];

export interface Resolved {
  readonly container: Container;
  /** The last path segment, decoded (~1 → /, ~0 → ~). */
  readonly key: string;
  /** Canonical pointer of the container. */
  readonly pointer: string;
}

export class PathError extends Error {
  override readonly name = 'PathError';
}

function decodeSegment(s: string): string {
  return s.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function encodeSegment(s: string): string {
  return s.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** strconv.Atoi for an array index; undefined when Go would fail to parse it. */
function atoi(key: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(key) ? Number(key) : undefined;
}

/** partialArray.get / set / remove: an index of an existing element. */
export function existingIndex(list: JsonValue[], key: string): number {
  const idx = atoi(key);
  if (idx === undefined) throw new PathError(`strconv.Atoi: parsing "${key}": invalid syntax`);
  const adjusted = idx < 0 && idx >= -list.length ? idx + list.length : idx;
  if (adjusted < 0 || adjusted >= list.length) {
    throw new PathError(`Unable to access invalid index: ${idx}: invalid index referenced`);
  }
  return adjusted;
}

/** partialArray.add: "-" appends; an index may equal the length; negatives count from the end. */
export function insertionIndex(list: JsonValue[], key: string): number {
  if (key === '-') return list.length;
  const idx = atoi(key);
  if (idx === undefined) {
    throw new PathError(
      `value was not a proper array index: '${key}': strconv.Atoi: parsing "${key}": invalid syntax`,
    );
  }
  const size = list.length + 1;
  const adjusted = idx < 0 && idx >= -size ? idx + size : idx;
  if (adjusted < 0 || adjusted >= size) {
    throw new PathError(`Unable to access invalid index: ${idx}: invalid index referenced`);
  }
  return adjusted;
}

function step(node: Container, part: string): { next: JsonValue | undefined; segment: string } {
  if (Array.isArray(node)) {
    const idx = existingIndex(node, part);
    return { next: node[idx], segment: String(idx) };
  }
  return { next: hasKey(node, part) ? node[part] : undefined, segment: encodeSegment(part) };
}

/** findObject: the container holding the path's last segment, or undefined when it has none. */
export function resolvePath(doc: Container, path: string): Resolved | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let node: Container = doc;
  let pointer = '';
  for (const raw of split.slice(1, -1)) {
    let found: { next: JsonValue | undefined; segment: string };
    try {
      found = step(node, decodeSegment(raw));
    } catch {
      return undefined;
    }
    const next = found.next;
    if (!Array.isArray(next) && !isMap(next)) return undefined;
    node = next;
    pointer += `/${found.segment}`;
  }
  return { container: node, key: decodeSegment(split[split.length - 1] ?? ''), pointer };
}

/** The value at a resolved place: undefined for a missing object key (Go's nil lazyNode). */
export function valueAt(r: Resolved): JsonValue | undefined {
  if (Array.isArray(r.container)) return r.container[existingIndex(r.container, r.key)];
  return hasKey(r.container, r.key) ? r.container[r.key] : undefined;
}
