// JSON patch (RFC 6902) with the semantics of gopkg.in/evanphx/json-patch.v4, the library the
// apiserver applies it with: paths are resolved by json-pointer.ts, the edits themselves are
// done by fast-json-patch. Every failure becomes upstream's 422, whose message hides the cause.
//
// evanphx quirks kept: `replace` of a missing object key adds it; `copy`/`move` of a missing
// object key copies null / fails on the removal; a missing "value" means null; `test` of a
// missing key passes when the expected value is null; `replace` of the root with a scalar is a
// silent no-op.

import fastJsonPatch, { type Operation as FjpOperation } from 'fast-json-patch';

import { unprocessable, type PatchError } from './errors.js';
import {
  encodeSegment,
  existingIndex,
  insertionIndex,
  PathError,
  resolvePath,
  valueAt,
  type Container,
  type Resolved,
} from './json-pointer.js';
import { deepCopy, hasKey, isMap, type JsonMap, type JsonValue } from './values.js';

/** One decoded operation: its members as sent (evanphx keeps them raw until used). */
export type JsonPatchOperation = JsonMap;

interface Doc {
  root: Container;
}

class OpFailure extends Error {}

function opString(op: JsonPatchOperation, member: 'path' | 'from', opName: string): string {
  const v = op[member];
  if (typeof v === 'string') return v;
  const what = member === 'path' ? 'path' : 'from';
  throw new OpFailure(`${opName} operation failed to decode ${what}: missing value`);
}

function opValue(op: JsonPatchOperation): JsonValue {
  return hasKey(op, 'value') ? (op.value ?? null) : null;
}

function resolveOrFail(doc: Doc, path: string, message: string): Resolved {
  const r = resolvePath(doc.root, path);
  if (r === undefined) throw new OpFailure(`${message}: ${path}: missing value`);
  return r;
}

function apply(doc: Doc, op: FjpOperation): JsonValue | undefined {
  const result = fastJsonPatch.applyOperation(doc.root, op, false, true);
  doc.root = result.newDocument;
  return (result as { removed?: JsonValue }).removed;
}

function pointerTo(r: Resolved, segment: string): string {
  return `${r.pointer}/${segment}`;
}

function addAt(doc: Doc, r: Resolved, value: JsonValue): void {
  const segment = Array.isArray(r.container)
    ? String(insertionIndex(r.container, r.key))
    : encodeSegment(r.key);
  apply(doc, { op: 'add', path: pointerTo(r, segment), value });
}

/** Removes the value at `r` and returns it (partialDoc/partialArray.remove). */
function removeAt(doc: Doc, r: Resolved): JsonValue {
  if (Array.isArray(r.container)) {
    const path = pointerTo(r, String(existingIndex(r.container, r.key)));
    return apply(doc, { op: 'remove', path }) ?? null;
  }
  if (!hasKey(r.container, r.key)) {
    throw new OpFailure(`Unable to remove nonexistent key: ${r.key}: missing value`);
  }
  return apply(doc, { op: 'remove', path: pointerTo(r, encodeSegment(r.key)) }) ?? null;
}

function replaceOp(doc: Doc, op: JsonPatchOperation): void {
  const path = opString(op, 'path', 'replace');
  const value = opValue(op);
  if (path === '') {
    if (Array.isArray(value) || isMap(value)) doc.root = deepCopy(value);
    return;
  }
  const r = resolveOrFail(doc, path, 'replace operation does not apply: doc is missing path');
  const segment = Array.isArray(r.container)
    ? String(existingIndex(r.container, r.key))
    : encodeSegment(r.key);
  apply(doc, { op: 'replace', path: pointerTo(r, segment), value });
}

function moveOp(doc: Doc, op: JsonPatchOperation): void {
  const from = opString(op, 'from', 'move');
  const source = resolveOrFail(
    doc,
    from,
    'move operation does not apply: doc is missing from path',
  );
  const value = removeAt(doc, source);
  const path = opString(op, 'path', 'move');
  const target = resolveOrFail(
    doc,
    path,
    'move operation does not apply: doc is missing destination path',
  );
  addAt(doc, target, value);
}

function copyOp(doc: Doc, op: JsonPatchOperation): void {
  const from = opString(op, 'from', 'copy');
  const source = resolveOrFail(
    doc,
    from,
    'copy operation does not apply: doc is missing from path',
  );
  const value = valueAt(source) ?? null;
  const path = opString(op, 'path', 'copy');
  const target = resolveOrFail(
    doc,
    path,
    'copy operation does not apply: doc is missing destination path',
  );
  addAt(doc, target, deepCopy(value));
}

function testOp(doc: Doc, op: JsonPatchOperation): void {
  const path = opString(op, 'path', 'test');
  const expected = opValue(op);
  const failed = new OpFailure(`testing value ${path} failed: test failed`);
  if (path === '') {
    if (!equalJson(doc.root, expected)) throw failed;
    return;
  }
  const r = resolveOrFail(doc, path, 'test operation does not apply: is missing path');
  const actual = valueAt(r);
  if (actual === undefined || actual === null) {
    if (expected !== null) throw failed;
    return;
  }
  if (!equalJson(actual, expected)) throw failed;
}

/** Structural equality, as lazyNode.equal (objects regardless of key order). */
function equalJson(a: JsonValue, b: JsonValue): boolean {
  return fastJsonPatch._areEquals(a, b);
}

function applyOne(doc: Doc, op: JsonPatchOperation): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add': {
      const path = opString(op, 'path', 'add');
      const at = resolveOrFail(doc, path, 'add operation does not apply: doc is missing path');
      addAt(doc, at, opValue(op));
      return;
    }
    case 'remove': {
      const path = opString(op, 'path', 'remove');
      const at = resolveOrFail(doc, path, 'remove operation does not apply: doc is missing path');
      removeAt(doc, at);
      return;
    }
    case 'replace':
      return replaceOp(doc, op);
    case 'move':
      return moveOp(doc, op);
    case 'copy':
      return copyOp(doc, op);
    case 'test':
      return testOp(doc, op);
    default:
      throw new OpFailure(`Unexpected kind: ${kind}`);
  }
}

/** Applies the operations in order to a copy of `original`; throws upstream's 422 on failure. */
export function applyJsonPatchOps(original: JsonMap, ops: JsonPatchOperation[]): JsonValue {
  const doc: Doc = { root: deepCopy(original) };
  for (const op of ops) {
    try {
      applyOne(doc, deepCopy(op));
    } catch (err) {
      throw toPatchError(err);
    }
  }
  return doc.root;
}

function toPatchError(err: unknown): PatchError {
  const detail = err instanceof OpFailure || err instanceof PathError ? err.message : String(err);
  return unprocessable(detail);
}
