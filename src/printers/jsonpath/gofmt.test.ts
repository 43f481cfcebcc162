// Go's fmt/strconv/encoding-json renderings the printers rely on. Float cases were checked with
// kubectl v1.32.4: `kubectl create deployment x --image=y --replicas=N --dry-run=client -o
// jsonpath='{.spec.replicas}'` prints the float64 %v (1234567 → 1.234567e+06, 2147483647 →
// 2.147483647e+09, 123456, 100000, 10); see also testdata/*.json (1e-06, 1e+20, 1e+21).
import { describe, expect, it } from 'vitest';
import { goJsonMarshal, goJsonMarshalIndent } from './gojson.js';
import { formatFloatG, formatGoNumber, goQuote, goSyntax, sprintData } from './gofmt.js';

describe('formatFloatG (fmt %v of a float64)', () => {
  it.each([
    [1234567, '1.234567e+06'],
    [2147483647, '2.147483647e+09'],
    [1000000, '1e+06'],
    [123456, '123456'],
    [100000, '100000'],
    [10, '10'],
    [0, '0'],
    [1.5, '1.5'],
    [-2.25, '-2.25'],
    [0.000001, '1e-06'],
    [0.0001, '0.0001'],
    [1e20, '1e+20'],
    [1e21, '1e+21'],
    [-1.5e-7, '-1.5e-07'],
    [1.0000000000000002, '1.0000000000000002'],
  ])('%d → %s', (x, want) => {
    expect(formatFloatG(x)).toBe(want);
  });

  it('prints whole numbers of unstructured objects as int64, of typed objects as float64', () => {
    expect(formatGoNumber(1000000, false)).toBe('1000000');
    expect(formatGoNumber(1000000, true)).toBe('1e+06');
    expect(formatGoNumber(1.5, false)).toBe('1.5');
  });
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['plain', '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\tnl\n\x07\x1b\x7f', '"tab\\tnl\\n\\a\\x1b\\x7f"'],
    ['héllo ✓ 😀', '"héllo ✓ 😀"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
  ])('%j → %s', (s, want) => {
    expect(goQuote(s)).toBe(want);
  });
});

describe('fmt.Sprint and %#v of decoded JSON', () => {
  const obj = { b: [1, 'two', null, { z: true }], a: 1.5, c: {}, d: [] };
  it('sprints maps with sorted keys, lists space-separated, null as <nil>', () => {
    expect(sprintData(obj, false)).toBe('map[a:1.5 b:[1 two <nil> map[z:true]] c:map[] d:[]]');
  });
  it('dumps Go syntax as the jsonpath execution error does', () => {
    expect(goSyntax(obj, false)).toBe('map[string]interface {}{"a":1.5, "b":[]interface {}{1, "two", interface {}(nil), map[string]interface {}{"z":true}}, "c":map[string]interface {}{}, "d":[]interface {}{}}');
  });
  it('orders keys byte-wise ("10" before "9", "B" before "a")', () => {
    expect(sprintData({ 9: 'x', 10: 'y', a: 1, B: 2 }, false)).toBe('map[10:y 9:x B:2 a:1]');
  });
});

describe('encoding/json', () => {
  it('marshals compactly with sorted keys and HTML escapes', () => {
    expect(goJsonMarshal({ b: '<&>', a: [1, 0.5, null], 10: true, 9: {} })).toBe('{"10":true,"9":{},"a":[1,0.5,null],"b":"\\u003c\\u0026\\u003e"}');
  });
  it('indents like MarshalIndent("", "    ")', () => {
    expect(goJsonMarshalIndent([{ a: [] }, {}, 'x'], '    ')).toBe('[\n    {\n        "a": []\n    },\n    {},\n    "x"\n]');
  });
});
