import { describe, expect, it } from 'vitest';

import { applyPatch, MERGE_PATCH, PatchError, type FieldValidation } from './index.js';
import { jsonMergePatch } from './merge-patch.js';
import type { JsonMap } from './values.js';

const WIDGET = { group: 'example.com', version: 'v1', kind: 'Widget' };

describe('JSON merge patch (RFC 7386)', () => {
  // The examples of RFC 7386 appendix A whose target and patch are objects.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(jsonMergePatch(target as JsonMap, patch as JsonMap)).toEqual(expected);
  });

  it('removes a label and scales, as kubectl patch --type=merge does', () => {
    const original = { metadata: { labels: { a: '1', b: '2' } }, spec: { replicas: 1, x: [1, 2] } };
    const patch = '{"metadata":{"labels":{"a":null}},"spec":{"replicas":3,"x":[3]}}';
    expect(applyPatch(MERGE_PATCH, original, patch, WIDGET)).toEqual({
      metadata: { labels: { b: '2' } },
      spec: { replicas: 3, x: [3] },
    });
  });

  it('prunes null members of objects inside lists only where nothing was (evanphx)', () => {
    const original = { present: { a: 1 }, list: [1] };
    const patch = { fresh: [{ k: null, v: 1 }], list: [{ k: null }], present: [{ k: null }] };
    expect(jsonMergePatch(original, patch as JsonMap)).toEqual({
      present: [{ k: null }],
      list: [{}],
      fresh: [{ v: 1 }],
    });
  });

  it('leaves its inputs untouched', () => {
    const original = { a: { b: 1 } };
    const patch = { a: { b: null } };
    jsonMergePatch(original, patch);
    expect([original, patch]).toEqual([{ a: { b: 1 } }, { a: { b: null } }]);
  });

  function failure(body: string, validation?: FieldValidation): PatchError {
    try {
      applyPatch(MERGE_PATCH, {}, body, WIDGET, validation ? { fieldValidation: validation } : {});
    } catch (err) {
      if (err instanceof PatchError) return err;
      throw err;
    }
    throw new Error('expected the patch to fail');
  }

  it.each([
    { body: '{"a":', validation: undefined, message: 'error decoding patch: unexpected end of JSON input' },
    { body: '{"a":', validation: 'Ignore' as const, message: 'Invalid JSON Patch' },
    { body: 'null', validation: undefined, message: 'Invalid JSON Patch' },
    { body: 'null', validation: 'Ignore' as const, message: 'Invalid JSON Patch' },
    { body: '"x"', validation: 'Ignore' as const, message: 'Invalid JSON Patch' },
    {
      body: '[1]',
      validation: 'Strict' as const,
      message: 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
  ])('$body ($validation) → 400 $message', ({ body, validation, message }) => {
    const err = failure(body, validation);
    expect([err.code, err.reason, err.message]).toEqual([400, 'BadRequest', message]);
  });

  it('an array body with fieldValidation=Ignore replaces the document, which cannot decode: 422', () => {
    const err = failure('[1]', 'Ignore');
    expect([err.code, err.reason]).toEqual([422, 'Invalid']);
    expect(err.message).toMatch(/^ "" is invalid: patch: Invalid value: "\[1\]": couldn't get version\/kind/);
  });
});
