// JSON merge patches as kubectl computes them (evanphx/json-patch CreateMergePatch: changed and
// added keys, removed keys as null, maps diffed recursively, lists replaced whole) and applies
// them locally (RFC 7386, for --local and --dry-run=client).
type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeOf(v: Json): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

function diff(a: JsonMap, b: JsonMap): JsonMap {
  const into: JsonMap = {};
  for (const [key, bv] of Object.entries(b)) {
    if (bv === undefined) continue;
    if (!(key in a) || a[key] === undefined) {
      into[key] = bv;
      continue;
    }
    const av = a[key];
    if (typeOf(av) !== typeOf(bv)) {
      into[key] = bv;
    } else if (isMap(av) && isMap(bv)) {
      const d = diff(av, bv);
      if (Object.keys(d).length > 0) into[key] = d;
    } else if (!deepEqual(av, bv)) {
      into[key] = bv;
    }
  }
  for (const key of Object.keys(a)) if (a[key] !== undefined && (!(key in b) || b[key] === undefined)) into[key] = null;
  return into;
}

/** CreateMergePatch for two objects. */
export function createMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  return diff(original, modified);
}

/** RFC 7386 MergePatch: null deletes, maps merge, anything else replaces. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return patch;
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}
