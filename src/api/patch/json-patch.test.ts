import { describe, expect, it } from 'vitest';

import { applyPatch, GENERIC_422_MESSAGE, JSON_PATCH, PatchError, type FieldValidation } from './index.js';
import type { JsonMap } from './values.js';

const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

const base = (): JsonMap => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    template: { spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }] } },
  },
});

function patched(ops: unknown[], original: JsonMap = base()): object {
  return applyPatch(JSON_PATCH, original, JSON.stringify(ops), DEPLOYMENT);
}

function failure(body: string, validation?: FieldValidation): PatchError {
  try {
    applyPatch(JSON_PATCH, base(), body, DEPLOYMENT, validation ? { fieldValidation: validation } : {});
  } catch (err) {
    if (err instanceof PatchError) return err;
    throw err;
  }
  throw new Error('expected the patch to fail');
}

describe('JSON patch (RFC 6902, evanphx/json-patch v4 semantics)', () => {
  it.each([
    {
      what: 'replace the replica count',
      ops: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
      check: (r: any) => r.spec.replicas === 3,
    },
    {
      what: 'add a label, escaping / as ~1',
      ops: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x' }],
      check: (r: any) => r.metadata.labels['app.kubernetes.io/name'] === 'x',
    },
    {
      what: 'append a container with -',
      ops: [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'c', image: 'c' } }],
      check: (r: any) => r.spec.template.spec.containers[2].name === 'c',
    },
    {
      what: 'insert at an index',
      ops: [{ op: 'add', path: '/spec/template/spec/containers/0', value: { name: 'z' } }],
      check: (r: any) => r.spec.template.spec.containers.map((c: any) => c.name).join() === 'z,a,b',
    },
    {
      what: 'a negative index counts from the end',
      ops: [{ op: 'replace', path: '/spec/template/spec/containers/-1/image', value: 'redis:7' }],
      check: (r: any) => r.spec.template.spec.containers[1].image === 'redis:7',
    },
    {
      what: 'remove a container',
      ops: [{ op: 'remove', path: '/spec/template/spec/containers/0' }],
      check: (r: any) => r.spec.template.spec.containers.length === 1,
    },
    {
      what: 'replace of a missing object key adds it (evanphx quirk)',
      ops: [{ op: 'replace', path: '/metadata/labels/tier', value: 'front' }],
      check: (r: any) => r.metadata.labels.tier === 'front',
    },
    {
      what: 'a test that passes lets the next operation run',
      ops: [
        { op: 'test', path: '/spec/replicas', value: 1 },
        { op: 'replace', path: '/spec/replicas', value: 5 },
      ],
      check: (r: any) => r.spec.replicas === 5,
    },
    {
      what: 'test of a missing key passes against null',
      ops: [{ op: 'test', path: '/metadata/annotations', value: null }],
      check: (r: any) => r.metadata.name === 'web',
    },
    {
      what: 'move and copy',
      ops: [
        { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copy' },
        { op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/moved' },
      ],
      check: (r: any) => JSON.stringify(r.metadata.labels) === '{"copy":"web","moved":"web"}',
    },
    {
      what: 'the first path segment is skipped whatever it says',
      ops: [{ op: 'replace', path: 'spec/replicas', value: 9 }],
      check: (r: any) => r.replicas === 9 && r.spec.replicas === 1,
    },
  ])('$what', ({ ops, check }) => {
    expect(check(patched(ops))).toBe(true);
  });

  it('leaves the original untouched', () => {
    const original = base();
    patched([{ op: 'remove', path: '/metadata/labels' }], original);
    expect(original).toEqual(base());
  });

  it.each([
    { what: 'a failing test', ops: [{ op: 'test', path: '/spec/replicas', value: 2 }] },
    { what: 'a missing parent', ops: [{ op: 'add', path: '/spec/nope/x', value: 1 }] },
    { what: 'removing a missing key', ops: [{ op: 'remove', path: '/metadata/annotations' }] },
    { what: 'an index past the end', ops: [{ op: 'add', path: '/spec/template/spec/containers/5', value: {} }] },
    { what: 'an unknown op', ops: [{ op: 'frobnicate', path: '/spec' }] },
    { what: 'a move from a missing key', ops: [{ op: 'move', from: '/nope', path: '/x' }] },
  ])('$what → 422 with the generic message', ({ ops }) => {
    const err = failure(JSON.stringify(ops));
    expect([err.code, err.reason, err.message]).toEqual([422, 'Invalid', GENERIC_422_MESSAGE]);
  });

  it('keeps the library error as the detail', () => {
    const err = failure('[{"op":"test","path":"/spec/replicas","value":2}]');
    expect(err.detail).toBe('testing value /spec/replicas failed: test failed');
  });

  it.each([
    { body: '[{"op":"add",]', validation: undefined, message: "error decoding patch: invalid character ']' looking for beginning of object key string" },
    { body: '[{"op":"add",]', validation: 'Ignore' as const, message: "invalid character ']' looking for beginning of object key string" },
    { body: '{"op":"add"}', validation: undefined, message: 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp' },
    { body: '{"op":"add"}', validation: 'Ignore' as const, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
    { body: '[{"op":1}]', validation: 'Strict' as const, message: 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string' },
    { body: '["x"]', validation: 'Ignore' as const, message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation' },
  ])('a body that does not decode ($validation): $message', ({ body, validation, message }) => {
    const err = failure(body, validation);
    expect([err.code, err.reason, err.message]).toEqual([400, 'BadRequest', message]);
  });

  it('refuses more than 10000 operations with 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/spec/replicas', value: 1 }));
    const err = failure(JSON.stringify(ops));
    expect([err.code, err.reason, err.message]).toEqual([
      413,
      'RequestEntityTooLarge',
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    ]);
  });
});
