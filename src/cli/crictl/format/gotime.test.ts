import { describe, expect, test } from 'vitest';
import { goIndentedJson, protoJsonText } from './gojson.js';
import { goMap } from './gomap.js';
import { goTimeString, rfc3339Nano } from './gotime.js';

const utc = new Date().getTimezoneOffset() === 0;

describe.runIf(utc)('Go time formats (UTC)', () => {
  test.each([
    ['1733480193123456789', '2024-12-06T10:16:33.123456789Z', '2024-12-06 10:16:33.123456789 +0000 UTC'],
    ['1733480193100000000', '2024-12-06T10:16:33.1Z', '2024-12-06 10:16:33.1 +0000 UTC'],
    ['1733480193000000000', '2024-12-06T10:16:33Z', '2024-12-06 10:16:33 +0000 UTC'],
  ])('%s', (ns, rfc, str) => {
    expect(rfc3339Nano(ns)).toBe(rfc);
    expect(goTimeString(ns)).toBe(str);
  });
});

describe('Go JSON', () => {
  test('encoding/json + Indent: sorted keys, HTML escaping, compact empties', () => {
    expect(goIndentedJson({ b: [], a: { y: '<&>', x: {} }, c: null })).toBe('{\n  "a": {\n    "x": {},\n    "y": "\\u003c\\u0026\\u003e"\n  },\n  "b": [],\n  "c": null\n}');
  });
  test('protojson text keeps field order and does not escape HTML', () => {
    expect(protoJsonText({ z: '<', a: [1, 2] })).toBe('{\n  "z": "<",\n  "a": [\n    1,\n    2\n  ]\n}');
  });
  test('fmt %v of a map', () => expect(goMap({ b: '2', a: '1' })).toBe('map[a:1 b:2]'));
});
