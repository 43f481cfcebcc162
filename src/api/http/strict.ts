// Server-side field validation (fieldValidation=Strict|Warn|Ignore) against the published
// schemas: Strict rejects unknown fields as upstream's strict decoder does, Warn sends one
// Warning per field.
import type { KObject } from '../types.js';
import type { Call } from './server-context.js';
import { unknownFields } from '../schema/index.js';
import { badRequest, StatusError } from '../errors.js';
import { patchedTypeError } from './body.js';
import { groupVersion } from '../resources/types.js';

/** A custom resource's undeclared fields are what its schema would prune. */
const undeclared = (c: Call, obj: KObject, group: string, version: string, kind: string): string[] =>
  c.d.custom && kind === c.d.kind ? c.d.custom.prune(structuredClone(obj)) : unknownFields(group, version, kind, obj);

const quoteAll = (paths: string[]): string[] => paths.map((p) => `unknown field ${JSON.stringify(p)}`);

/** On create and update: 400 under Strict, warnings under Warn. */
export function checkUnknownFields(c: Call, obj: KObject, kind = c.d.kind, group = c.d.group, version = c.d.version): void {
  if (c.rc.fieldValidation === 'Ignore') return;
  const unknown = undeclared(c, obj, group, version, kind);
  if (!unknown.length) return;
  if (c.rc.fieldValidation === 'Warn') {
    c.rc.warnings.push(...quoteAll(unknown));
    return;
  }
  throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${quoteAll(unknown).join(', ')}`);
}

/** On patch: the patched object is checked; Strict answers 422 as upstream's patcher does. */
export function checkPatchedFields(c: Call, obj: KObject): void {
  if (c.rc.fieldValidation === 'Ignore') return;
  const unknown = undeclared(c, obj, c.d.group, c.d.version, c.d.kind);
  if (!unknown.length) return;
  if (c.rc.fieldValidation === 'Warn') {
    c.rc.warnings.push(...quoteAll(unknown));
    return;
  }
  const message = `"" is invalid: patch: Invalid value: ${JSON.stringify(JSON.stringify(obj))}: strict decoding error: ${quoteAll(unknown).join(', ')}`;
  throw new StatusError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Invalid',
    details: { causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(JSON.stringify(obj))}: strict decoding error: ${quoteAll(unknown).join(', ')}`, field: 'patch' }] },
    code: 422,
  });
}

const DECODED_PATCHES = ['application/json-patch+json', 'application/merge-patch+json'];

/**
 * A JSON or merge patch's result is decoded into the Go struct (patch.go applyPatchToCurrentObject):
 * a type error answers 422 `patch: Invalid value: "<patched JSON>": json: cannot unmarshal ...`.
 * (A strategic merge patch goes through the unstructured converter instead: not modelled.)
 */
export function checkPatchedTypes(c: Call, patchType: string, obj: KObject): void {
  if (!DECODED_PATCHES.includes(patchType)) return;
  const err = patchedTypeError(obj, groupVersion(c.d), c.d.kind);
  if (err === undefined) return;
  const body = `Invalid value: ${JSON.stringify(JSON.stringify(obj))}: ${err}`;
  throw new StatusError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: ` "" is invalid: patch: ${body}`, reason: 'Invalid',
    details: { causes: [{ reason: 'FieldValueInvalid', message: body, field: 'patch' }] },
    code: 422,
  });
}
