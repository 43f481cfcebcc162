import { describe, expect, it } from 'vitest';
import { V2Error } from '../../store/v2/index.js';
import { goParseBool, goParseUint, parseQuery, type Form } from './form.js';
import { muxCleanPath } from './respond.js';
import { parseKeyRequest } from './v2params.js';

const form = (query: string): Form => {
  const f: Form = new Map();
  parseQuery(query, f);
  return f;
};

describe('Go form parsing', () => {
  it.each([
    ['a=1&b=2&a=3', undefined, { a: ['1', '3'], b: ['2'] }],
    ['v=a+b%20c&e=&f', undefined, { v: ['a b c'], e: [''], f: [''] }],
    ['v=%zz&w=1', 'invalid URL escape "%zz"', { w: ['1'] }],
    ['a=1;b=2&c=3', 'invalid semicolon separator in query', { c: ['3'] }],
    ['&&x=%E2%9C%93', undefined, { x: ['✓'] }],
  ])('%s', (query, err, want) => {
    const f: Form = new Map();
    expect(parseQuery(query, f)).toBe(err);
    expect(Object.fromEntries(f)).toEqual(want);
  });

  it('reads booleans and unsigned integers as strconv does', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(goParseBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(goParseBool)).toEqual(Array(6).fill(false));
    expect(['yes', '', 'tRUE'].map(goParseBool)).toEqual([undefined, undefined, undefined]);
    expect(['0', '42', '007', '-1', '+1', '1.5', '', '18446744073709551616'].map(goParseUint)).toEqual([0, 42, 7, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('parseKeyRequest', () => {
  const err = (method: string, query: string): string => {
    const r = parseKeyRequest(method, '/k', form(query));
    return r instanceof V2Error ? `${r.errorCode} ${r.cause}` : 'ok';
  };

  it.each([
    ['GET', 'prevIndex=x&waitIndex=y', '203 invalid value for "prevIndex"'],
    ['GET', 'waitIndex=-1', '203 invalid value for "waitIndex"'],
    ['GET', 'recursive=yes&sorted=no', '209 invalid value for "recursive"'],
    ['PUT', 'wait=true', '209 "wait" can only be used with GET requests'],
    ['PUT', 'prevValue=&ttl=x', '201 "prevValue" cannot be empty'],
    ['PUT', 'noValueOnSuccess=2', '209 invalid value for "noValueOnSuccess"'],
    ['PUT', 'ttl=1h', '202 invalid value for "ttl"'],
    ['PUT', 'ttl=', 'ok'],
    ['PUT', 'prevExist=maybe', '209 invalid value for prevExist'],
    ['PUT', 'refresh=true&value=v&ttl=5', '211 A value was provided on a refresh'],
    ['PUT', 'refresh=true', '212 No TTL value set'],
    ['PUT', 'refresh=false', 'ok'],
  ])('%s ?%s', (method, query, want) => {
    expect(err(method, query)).toBe(want);
  });

  it('keeps absent and false apart for prevExist and refresh, and the first value of a field', () => {
    const r = parseKeyRequest('PUT', '/k', form('value=a&value=b&prevExist=false&ttl=5'));
    expect(r).toMatchObject({ value: 'a', prevExist: false, ttl: 5 });
    expect(r).not.toHaveProperty('refresh');
  });
});

describe('muxCleanPath', () => {
  it.each([
    ['/v2/keys/foo', '/v2/keys/foo'],
    ['/v2/keys//foo', '/v2/keys/foo'],
    ['/v2/keys/a/../b', '/v2/keys/b'],
    ['/v2/keys/.', '/v2/keys'],
    ['/v2/keys/a/', '/v2/keys/a/'],
    ['/../x', '/x'],
    ['', '/'],
  ])('%s → %s', (p, want) => expect(muxCleanPath(p)).toBe(want));
});
