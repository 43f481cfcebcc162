import { describe, expect, it } from 'vitest';

import {
  APPLY_PATCH,
  applyPatch,
  JSON_PATCH,
  MERGE_PATCH,
  PatchError,
  patchMediaType,
  STRATEGIC_MERGE_PATCH,
  UnsupportedMediaTypeError,
} from './index.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };
const original = { metadata: { name: 'p', labels: { a: '1' } } };
const BUILTIN_LIST =
  'application/json-patch+json, application/merge-patch+json, ' +
  'application/strategic-merge-patch+json, application/apply-patch+yaml';

function failure(type: string): PatchError {
  try {
    applyPatch(type, original, '{}', POD);
  } catch (err) {
    if (err instanceof PatchError) return err;
    throw err;
  }
  throw new Error('expected the patch to fail');
}

describe('applyPatch', () => {
  it.each([
    [JSON_PATCH, '[{"op":"add","path":"/metadata/labels/b","value":"2"}]'],
    [MERGE_PATCH, '{"metadata":{"labels":{"b":"2"}}}'],
    [STRATEGIC_MERGE_PATCH, '{"metadata":{"labels":{"b":"2"}}}'],
    [`${STRATEGIC_MERGE_PATCH}; charset=utf-8`, '{"metadata":{"labels":{"b":"2"}}}'],
  ])('%s', (type, body) => {
    expect(applyPatch(type, original, Buffer.from(body), POD)).toEqual({
      metadata: { name: 'p', labels: { a: '1', b: '2' } },
    });
  });

  it('cuts the media type at the first ";" (not at position 0)', () => {
    expect(patchMediaType('application/merge-patch+json;charset=utf-8')).toBe(MERGE_PATCH);
    expect(patchMediaType(';x')).toBe(';x');
  });

  it('refuses an unknown Content-Type with the list upstream accepts', () => {
    const err = failure('application/json');
    expect(err).toBeInstanceOf(UnsupportedMediaTypeError);
    expect([err.code, err.reason, err.message]).toEqual([
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${BUILTIN_LIST}`,
    ]);
  });

  it('does not implement server-side apply: 415 listing what it does accept', () => {
    const err = failure(APPLY_PATCH);
    expect(err).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((err as UnsupportedMediaTypeError).accepted).toEqual([
      JSON_PATCH,
      MERGE_PATCH,
      STRATEGIC_MERGE_PATCH,
    ]);
  });

  it('a 400 is a BadRequest Status without details', () => {
    let caught: PatchError | undefined;
    try {
      applyPatch(STRATEGIC_MERGE_PATCH, original, '{', POD);
    } catch (e) {
      caught = e as PatchError;
    }
    expect(caught?.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'unexpected end of JSON input',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it.each([MERGE_PATCH, STRATEGIC_MERGE_PATCH])('%s keeps a "__proto__" key as plain data', (type) => {
    const result = applyPatch(type, original, '{"metadata":{"labels":{"__proto__":{"x":"1"}}}}', POD);
    const labels = (result as { metadata: { labels: object } }).metadata.labels;
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.keys(labels)).toEqual(['a', '__proto__']);
  });
});
