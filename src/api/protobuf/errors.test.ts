// Malformed bodies: the Go error text the serializer produces, and the Status the apiserver makes
// of it (handlers/rest.go transformDecodeError).
import { describe, expect, it } from 'vitest';
import { QUANTITY_FORMAT_ERROR } from '../validation/quantity.js';
import { decodeKubernetesProtobuf, ProtobufDecodeError } from './index.js';
import { body, pb } from './testdata/pb.js';

function failure(b: Buffer, defaults?: { apiVersion: string; kind: string }): ProtobufDecodeError {
  try {
    decodeKubernetesProtobuf(b, defaults);
  } catch (err) {
    if (err instanceof ProtobufDecodeError) return err;
    throw err;
  }
  throw new Error('decoded');
}

const MAGIC = Buffer.from('k8s\0', 'latin1');
const deployment = (object: ReturnType<typeof pb>) => body('apps/v1', 'Deployment', object);

describe('malformed protobuf bodies', () => {
  it('answers an empty body, a JSON body and a bare prefix before reading the envelope', () => {
    expect(failure(Buffer.alloc(0)).messageFor('Deployment')).toBe('the object provided is unrecognized (must be of type Deployment): empty data (<empty>)');
    expect(failure(Buffer.from('{"kind":"Deployment"}')).messageFor('Deployment')).toBe(
      'the object provided is unrecognized (must be of type Deployment): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":"Deployment"})',
    );
    expect(failure(MAGIC).messageFor('Pod')).toBe('the object provided is unrecognized (must be of type Pod): empty body (6b387300)');
  });

  it('summarizes a truncated envelope as hex, 30 bytes at most', () => {
    const b = Buffer.concat([MAGIC, Buffer.from([0x0a, 0x40]), Buffer.alloc(30, 0x61)]);
    const err = failure(b);
    expect(err.reason).toBe('unexpected EOF');
    expect(err.decoded).toBeUndefined();
    expect(err.messageFor('Deployment')).toBe(`the object provided is unrecognized (must be of type Deployment): unexpected EOF (6b3873000a40${'61'.repeat(24)} ...)`);
  });

  it('names the kind the body gave when the object itself is malformed', () => {
    const err = failure(deployment(pb().msg(2, pb().str(1, 'three'))));
    expect(err.reason).toBe('proto: wrong wireType = 2 for field Replicas');
    const status = err.badRequest('Deployment').status;
    expect(status).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400,
      message: 'Deployment in version "v1" cannot be handled as a Deployment: proto: wrong wireType = 2 for field Replicas',
    });
  });

  it('uses gogo texts for bad tags, groups, varints and lengths', () => {
    expect(failure(deployment(pb().raw([0x00]))).reason).toBe('proto: Deployment: illegal tag 0 (wire type 0)');
    expect(failure(deployment(pb().msg(1, pb().raw([0x0c])))).reason).toBe('proto: ObjectMeta: wiretype end group for non-group');
    expect(failure(deployment(pb().raw([0xf8, 0x06, ...Array(10).fill(0xff), 0x01]))).reason).toBe('proto: integer overflow');
    expect(failure(deployment(pb().raw([0x0a, ...Array(9).fill(0xff), 0x01]))).reason).toBe('proto: negative length found during unmarshaling');
    expect(failure(deployment(pb().raw([0x0a, 0x05, 0x0a]))).reason).toBe('unexpected EOF');
    expect(failure(deployment(pb().raw([0x9f, 0x06]))).reason).toBe('proto: illegal wireType 7');
    expect(failure(deployment(pb().raw([0xfc, 0x06]))).reason).toBe('proto: Deployment: wiretype end group for non-group');
    expect(decodeKubernetesProtobuf(deployment(pb().raw([0xfb, 0x06, 0x08, 0x01, 0xfc, 0x06]))).kind).toBe('Deployment'); // a group, skipped
    expect(failure(deployment(pb().msg(1, pb().raw([0x0a])))).reason).toBe('unexpected EOF');
  });

  it('refuses a quantity that does not parse, as ParseQuantity does', () => {
    const container = pb().str(1, 'c').msg(8, pb().entry(1, 'cpu', pb().str(1, 'lots')));
    const err = failure(body('v1', 'Pod', pb().msg(2, pb().msg(2, container))));
    expect(err.messageFor('Pod')).toBe(`Pod in version "v1" cannot be handled as a Pod: ${QUANTITY_FORMAT_ERROR}`);
  });

  it('refuses a kind the scheme does not have, and a body without a kind', () => {
    expect(failure(body('apps/v1', 'Foo', pb())).messageFor('Deployment')).toBe(
      'Foo in version "v1" cannot be handled as a Deployment: no kind "Foo" is registered for version "apps/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
    const noKind = failure(body('apps/v1', '', pb()));
    expect(noKind.messageFor('Deployment')).toMatch(/^the object provided is unrecognized \(must be of type Deployment\): Object 'Kind' is missing in 'runtime.TypeMeta\{APIVersion:"apps\/v1", Kind:""\}' \(6b387300/);
    expect(failure(body('', 'Deployment', pb())).reason).toBe(`Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:"Deployment"}'`);
  });

  it('gives a DELETE the bare error as a 500', () => {
    expect(failure(Buffer.from('x')).deleteError().status).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500,
      message: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    });
  });
});
