// RFC 6902 JSON patches as gopkg.in/evanphx/json-patch.v4 (v4.12.0) applies them: the library
// behind kubectl's client-side `patch --type json`, kustomize's JSON 6902 patches and the
// apiserver's json-patch. Its quirks are kept: a null member is absent (nil), `replace` of a
// missing object key adds it, a missing "value" is null, `replace` of the root with a scalar does
// nothing, negative array indices count from the end. Each failure is worded as the library wraps
// it (github.com/pkg/errors: "context: cause").
import { goQuote } from '../go-quote.js';

type Json = unknown;
type JsonObject = Record<string, Json>;
type Container = JsonObject | Json[];

/** One operation as decoded: its members, each still the JSON value sent. */
export type PatchOperation = Record<string, Json>;

class PatchFailure extends Error {}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const fail = (context: string, cause: string): PatchFailure => new PatchFailure(`${context}: ${cause}`);

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** strconv.Atoi, for an index segment. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new PatchFailure(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new PatchFailure(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`);
  return n;
}

const invalidIndex = (i: number): PatchFailure => fail(`Unable to access invalid index: ${i}`, INVALID_INDEX);

/** Resolves a negative index as partialArray does (SupportNegativeIndices), against size. */
function fromEnd(idx: number, size: number): number {
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    return idx + size;
  }
  return idx;
}

/** container.get: an object's member (undefined when missing or null), an array's element. */
function get(c: Container, key: string): Json {
  if (!Array.isArray(c)) return c[key] ?? undefined;
  const idx = fromEnd(atoi(key), c.length);
  if (idx >= c.length) throw invalidIndex(idx);
  return c[idx] ?? undefined;
}

function set(c: Container, key: string, value: Json): void {
  if (Array.isArray(c)) c[fromEnd(atoi(key), c.length)] = value;
  else c[key] = value;
}

function add(c: Container, key: string, value: Json): void {
  if (!Array.isArray(c)) {
    c[key] = value;
    return;
  }
  if (key === '-') {
    c.push(value);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (err) {
    throw fail(`value was not a proper array index: '${key}'`, (err as Error).message);
  }
  if (idx >= c.length + 1) throw invalidIndex(idx);
  c.splice(fromEnd(idx, c.length + 1), 0, value);
}

function remove(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!(key in c)) throw fail(`Unable to remove nonexistent key: ${key}`, MISSING);
    delete c[key];
    return;
  }
  const idx = atoi(key);
  if (idx >= c.length) throw invalidIndex(idx);
  c.splice(fromEnd(idx, c.length), 1);
}

const decodeKey = (k: string): string => k.replaceAll('~1', '/').replaceAll('~0', '~');

/** findObject: the container holding the path's last segment, and that segment. */
function findObject(root: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    let next: Json;
    try {
      next = get(doc, decodeKey(part));
    } catch {
      return undefined;
    }
    if (Array.isArray(next) || isObject(next)) doc = next;
    else return undefined;
  }
  return [doc, decodeKey(split[split.length - 1]!)];
}

/** Operation.Path / From: the member as a string, or the library's error. */
function member(op: PatchOperation, name: 'path' | 'from'): string {
  const v = op[name];
  if (v === undefined || v === null) throw new PatchFailure(name === 'path' ? `operation missing path field: ${MISSING}` : `operation, missing from field: ${MISSING}`);
  if (typeof v !== 'string') throw new PatchFailure(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
  return v;
}

function jsonKind(v: Json): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** `op` decoding a member, with the context this operation gives a failure to decode it. */
function read(op: PatchOperation, name: 'path' | 'from', context: string, keepCause = true): string {
  try {
    return member(op, name);
  } catch (err) {
    throw fail(context, keepCause ? (err as Error).message : MISSING);
  }
}

const valueOf = (op: PatchOperation): Json => op.value ?? null;

function locate(root: Container, path: string, context: string): [Container, string] {
  const found = findObject(root, path);
  if (!found) throw fail(context, MISSING);
  return found;
}

/** Runs a container step, its failure wrapped in context. */
function step<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw fail(context, (err as Error).message);
  }
}

/** lazyNode.equal: objects by their members regardless of order, the rest by their JSON text. */
function equal(a: Json, b: Json): boolean {
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && (a[k] === null) === (b[k] === null) && (a[k] === null || equal(a[k], b[k])));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Doc { root: Container }

function applyOne(doc: Doc, op: PatchOperation): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add': {
      const path = read(op, 'path', 'add operation failed to decode path', false);
      const [c, key] = locate(doc.root, path, `add operation does not apply: doc is missing path: "${path}"`);
      step(`error in add for path: '${path}'`, () => add(c, key, valueOf(op)));
      return;
    }
    case 'remove': {
      const path = read(op, 'path', 'remove operation failed to decode path', false);
      const [c, key] = locate(doc.root, path, `remove operation does not apply: doc is missing path: "${path}"`);
      step(`error in remove for path: '${path}'`, () => remove(c, key));
      return;
    }
    case 'replace': {
      const path = read(op, 'path', 'replace operation failed to decode path');
      if (path === '') {
        const v = valueOf(op);
        if (Array.isArray(v) || isObject(v)) doc.root = structuredClone(v);
        return;
      }
      const [c, key] = locate(doc.root, path, `replace operation does not apply: doc is missing path: ${path}`);
      try {
        get(c, key);
      } catch {
        throw fail(`replace operation does not apply: doc is missing key: ${path}`, MISSING);
      }
      step(`error in remove for path: '${path}'`, () => set(c, key, valueOf(op)));
      return;
    }
    case 'move': {
      const from = read(op, 'from', 'move operation failed to decode from');
      const [src, srcKey] = locate(doc.root, from, `move operation does not apply: doc is missing from path: ${from}`);
      const value = step(`error in move for path: '${srcKey}'`, () => get(src, srcKey));
      step(`error in move for path: '${srcKey}'`, () => remove(src, srcKey));
      const path = read(op, 'path', 'move operation failed to decode path');
      const [dst, key] = locate(doc.root, path, `move operation does not apply: doc is missing destination path: ${path}`);
      step(`error in move for path: '${path}'`, () => add(dst, key, value ?? null));
      return;
    }
    case 'copy': {
      const from = read(op, 'from', 'copy operation failed to decode from');
      const [src, srcKey] = locate(doc.root, from, `copy operation does not apply: doc is missing from path: ${from}`);
      const value = step(`error in copy for from: '${from}'`, () => get(src, srcKey));
      const path = read(op, 'path', 'copy operation failed to decode path', false);
      const [dst, key] = locate(doc.root, path, `copy operation does not apply: doc is missing destination path: ${path}`);
      step('error while adding value during copy', () => add(dst, key, structuredClone(value ?? null)));
      return;
    }
    case 'test': {
      const path = read(op, 'path', 'test operation failed to decode path');
      const failed = fail(`testing value ${path} failed`, 'test failed');
      if (path === '') {
        if (!equal(doc.root, valueOf(op))) throw failed;
        return;
      }
      const [c, key] = locate(doc.root, path, `test operation does not apply: is missing path: ${path}`);
      const actual = step(`error in test for path: '${path}'`, () => get(c, key));
      if (actual === undefined || actual === null) {
        if (valueOf(op) !== null) throw failed;
        return;
      }
      if (!equal(actual, valueOf(op))) throw failed;
      return;
    }
    default:
      throw new PatchFailure(`Unexpected kind: ${kind}`);
  }
}

/** DecodePatch: a JSON array of operation objects, or encoding/json's refusal. */
export function decodeJsonPatch(value: Json): PatchOperation[] {
  if (!Array.isArray(value)) throw new Error(`json: cannot unmarshal ${jsonKind(value)} into Go value of type jsonpatch.Patch`);
  return value.map((op) => {
    if (op === null) return {};
    if (!isObject(op)) throw new Error(`json: cannot unmarshal ${jsonKind(op)} into Go value of type jsonpatch.Operation`);
    return op;
  });
}

/** Patch.Apply on a copy of doc (an object or an array); throws the library's error. */
export function applyJsonPatchV4(doc: Container, ops: PatchOperation[]): Container {
  const d: Doc = { root: structuredClone(doc) };
  for (const op of ops) applyOne(d, op);
  return d.root;
}
