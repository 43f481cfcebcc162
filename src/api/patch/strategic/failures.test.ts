import { describe, expect, it } from 'vitest';

import { applyPatch, PatchError, STRATEGIC_MERGE_PATCH, UnsupportedMediaTypeError } from '../index.js';

const POD = { group: '', version: 'v1', kind: 'Pod' };
const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };

function failure(patch: string, key = POD, original: object = pod): PatchError {
  try {
    applyPatch(STRATEGIC_MERGE_PATCH, original, patch, key);
  } catch (err) {
    if (err instanceof PatchError) return err;
    throw err;
  }
  throw new Error('expected the patch to fail');
}

describe('strategic merge patch failures, as the apiserver reports them', () => {
  it.each([
    {
      what: 'a list item without its merge key (500, reason unknown)',
      patch: '{"spec":{"containers":[{"image":"nginx:2"}]}}',
      code: 500,
      reason: '',
      message: 'map: map[image:nginx:2] does not contain declared merge key: name',
    },
    {
      what: '$setElementOrder that is not a list',
      patch: '{"spec":{"$setElementOrder/containers":{"name":"a"}}}',
      code: 500,
      reason: '',
      message: 'expected a []interface {}, but received a map[string]interface {}',
    },
    {
      what: 'a $setElementOrder key without a field',
      patch: '{"spec":{"$setElementOrderX":[]}}',
      code: 400,
      reason: 'BadRequest',
      message: 'invalid patch format of setElementOrder list',
    },
    {
      what: 'a $deleteFromPrimitiveList key without a field',
      patch: '{"metadata":{"$deleteFromPrimitiveList":["a"]}}',
      code: 400,
      reason: 'BadRequest',
      message: 'invalid patch format of primitive list',
    },
    {
      what: 'a patch key missing from $retainKeys',
      patch: '{"spec":{"$retainKeys":["hostname"],"subdomain":"x"}}',
      code: 400,
      reason: 'BadRequest',
      message: 'invalid patch format of retainKeys',
    },
    {
      what: 'lists of lists',
      patch: '{"metadata":{"finalizers":[["a"]]}}',
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
      original: { metadata: { finalizers: [['b']] } },
    },
    {
      what: '$patch: merge on a map',
      patch: '{"spec":{"$patch":"merge","hostname":"h"}}',
      code: 500,
      reason: '',
      message: 'unknown patch type: merge in map: map[$patch:merge hostname:h]',
    },
    {
      what: '$patch: merge in a list',
      patch: '{"spec":{"containers":[{"$patch":"merge","name":"a"}]}}',
      code: 500,
      reason: '',
      message: 'merging lists cannot yet be specified in the patch',
    },
    {
      what: 'items of different types in one list',
      patch: '{"metadata":{"finalizers":[1]}}',
      code: 500,
      reason: '',
      message: 'list element types are not identical: [[a] [1]]',
      original: { metadata: { finalizers: ['a'] } },
    },
    {
      what: 'a $setElementOrder that contradicts the patch list',
      patch:
        '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"b","image":"x"}]}}',
      code: 500,
      reason: '',
      message:
        "The order in patch list:\n[map[image:x name:b]]\n doesn't match $setElementOrder list:\n[map[name:a]]\n",
    },
    {
      what: 'a syntax error: Go’s own words, 400',
      patch: '{"spec": x}',
      code: 400,
      reason: 'BadRequest',
      message: "invalid character 'x' looking for beginning of value",
    },
    {
      what: 'a body that is not an object',
      patch: '[1]',
      code: 400,
      reason: 'BadRequest',
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    },
  ])('$what', ({ patch, code, reason, message, original }) => {
    const err = failure(patch, POD, original ?? pod);
    expect({ code: err.code, reason: err.reason, message: err.message }).toEqual({ code, reason, message });
  });

  it('cannot descend into a Go map of lists (CSR spec.extra)', () => {
    const csr = { group: 'certificates.k8s.io', version: 'v1', kind: 'CertificateSigningRequest' };
    const original = { metadata: {}, spec: { extra: { scopes: ['a'] } } };
    const err = failure('{"spec":{"extra":{"scopes":["b"]}}}', csr, original);
    expect(err.message).toBe('merging an object in json but data type is not struct, instead is: map');
  });

  it('cannot descend into a RawExtension (ControllerRevision data)', () => {
    const cr = { group: 'apps', version: 'v1', kind: 'ControllerRevision' };
    const original = { metadata: {}, data: { spec: { a: 1 } } };
    const err = failure('{"data":{"spec":{"a":2}}}', cr, original);
    expect(err.message).toBe('unable to find api field in struct RawExtension for the json field "spec"');
  });

  it('refuses custom resources with 415, listing what they accept', () => {
    const err = failure('{}', { group: 'example.com', version: 'v1', kind: 'Widget' });
    expect(err).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(err.toStatus()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'the body of the request was in an unknown format - accepted media types include: ' +
        'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  });

  it('a 422 carries the generic message, empty details and keeps the cause aside', () => {
    const err = failure('{"metadata":{"finalizers":[["a"]]}}', POD, { metadata: { finalizers: [['b']] } });
    expect(err.detail).toBe('lists of lists are not supported');
    expect(JSON.stringify(err.toStatus())).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",' +
        '"message":"the server rejected our request due to an error in our request",' +
        '"reason":"Invalid","details":{},"code":422}',
    );
  });
});
