import { describe, expect, it } from 'vitest';
import { V2Error, V2_CODE, historyClearedError, isV2Error, v2RequestError, type V2ErrorCode } from './errors.js';
import { encodeV2Error } from './wire.js';

describe('V2Error', () => {
  it.each<[V2ErrorCode, string, number]>([
    [100, 'Key not found', 404],
    [101, 'Compare failed', 412],
    [102, 'Not a file', 403],
    [104, 'Not a directory', 400],
    [105, 'Key already exists', 412],
    [106, 'The prefix of given key is a keyword in etcd', 400],
    [107, 'Root is read only', 400],
    [108, 'Directory not empty', 403],
    [110, 'The request requires user authentication', 401],
    [200, 'Value is Required in POST form', 400],
    [201, 'PrevValue is Required in POST form', 400],
    [202, 'The given TTL in POST form is not a number', 400],
    [203, 'The given index in POST form is not a number', 400],
    [209, 'Invalid field', 400],
    [210, 'Invalid POST form', 400],
    [211, 'Value provided on refresh', 400],
    [212, 'A TTL must be provided on refresh', 400],
    [300, 'Raft Internal Error', 500],
    [401, 'The event in requested index is outdated and cleared', 400],
  ])('%i: %s, HTTP %i', (code, message, status) => {
    const e = new V2Error(code, '/k', 7);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe(message);
    expect(e.httpStatus).toBe(status);
    expect(e.toString()).toBe(`${code}: ${message} (/k) [7]`);
    expect(isV2Error(e, code)).toBe(true);
  });

  it('formats the 401 cause as etcd does', () => {
    const e = historyClearedError(47, 46, 1046);
    expect(e.toString()).toBe('401: The event in requested index is outdated and cleared (the requested history has been cleared [47/46]) [1046]');
  });

  it('encodes as etcd\'s error body, without an empty cause', () => {
    expect(encodeV2Error(new V2Error(V2_CODE.keyNotFound, '/nothere', 3))).toBe(
      '{"errorCode":100,"message":"Key not found","cause":"/nothere","index":3}\n',
    );
    expect(encodeV2Error(new V2Error(V2_CODE.notFile, '', 6))).toBe('{"errorCode":102,"message":"Not a file","index":6}\n');
    expect(encodeV2Error(v2RequestError(V2_CODE.prevValueRequired, '"prevValue" cannot be empty'))).toBe(
      '{"errorCode":201,"message":"PrevValue is Required in POST form","cause":"\\"prevValue\\" cannot be empty","index":0}\n',
    );
  });
});
