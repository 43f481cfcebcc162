// evanphx/json-patch v4 as the real kubectl v1.32.4 applies it: every row's result or error text
// was printed by `kubectl patch -f cm.json --local --type json -p <patch> -o json` (kubectl
// rewords one error, 'doc is missing key', as 'Object to be patched is missing field (…)'; the row
// holds the library's own words).
import { describe, expect, it } from 'vitest';
import { applyJsonPatchV4, decodeJsonPatch } from './json-patch-v4.js';

const DOC = {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"},"x":[1,2,3]};

const ROWS: [string, { out: unknown } | { err: string }][] = [
  ["[{\"op\":\"replace\",\"path\":\"/spec/nope/x\",\"value\":3}]", {"err":"replace operation does not apply: doc is missing path: /spec/nope/x: missing value"}],
  ["[{\"op\":\"bogus\",\"path\":\"/x\"}]", {"err":"Unexpected kind: bogus"}],
  ["[{\"path\":\"/x\"}]", {"err":"Unexpected kind: unknown"}],
  ["[{\"op\":5,\"path\":\"/x\"}]", {"err":"Unexpected kind: unknown"}],
  ["[{\"op\":\"remove\",\"path\":\"/nope\"}]", {"err":"error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value"}],
  ["[{\"op\":\"remove\",\"path\":\"/x/7\"}]", {"err":"error in remove for path: '/x/7': Unable to access invalid index: 7: invalid index referenced"}],
  ["[{\"op\":\"remove\",\"path\":\"/x/a\"}]", {"err":"error in remove for path: '/x/a': strconv.Atoi: parsing \"a\": invalid syntax"}],
  ["[{\"op\":\"remove\",\"path\":\"/x/-1\"}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2]}}],
  ["[{\"op\":\"add\",\"path\":\"/x/5\",\"value\":9}]", {"err":"error in add for path: '/x/5': Unable to access invalid index: 5: invalid index referenced"}],
  ["[{\"op\":\"add\",\"path\":\"/x/-\",\"value\":9}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3,9]}}],
  ["[{\"op\":\"add\",\"path\":\"/x/-1\",\"value\":9}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3,9]}}],
  ["[{\"op\":\"add\",\"path\":\"/x/-5\",\"value\":9}]", {"err":"error in add for path: '/x/-5': Unable to access invalid index: -5: invalid index referenced"}],
  ["[{\"op\":\"add\",\"path\":\"/x/b\",\"value\":9}]", {"err":"error in add for path: '/x/b': value was not a proper array index: 'b': strconv.Atoi: parsing \"b\": invalid syntax"}],
  ["[{\"op\":\"add\",\"path\":\"/data/b\"}]", {"out":{"apiVersion":"v1","data":{"a":"1","b":null},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"add\",\"value\":1}]", {"err":"add operation failed to decode path: missing value"}],
  ["[{\"op\":\"add\",\"path\":5,\"value\":1}]", {"err":"add operation failed to decode path: missing value"}],
  ["[{\"op\":\"replace\",\"path\":\"/data/new\",\"value\":\"v\"}]", {"out":{"apiVersion":"v1","data":{"a":"1","new":"v"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"replace\",\"path\":\"/x/9\",\"value\":1}]", {"err":"replace operation does not apply: doc is missing key: /x/9: missing value"}],
  ["[{\"op\":\"replace\",\"value\":1}]", {"err":"replace operation failed to decode path: operation missing path field: missing value"}],
  ["[{\"op\":\"replace\",\"path\":\"\",\"value\":1}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"move\",\"from\":\"/data/a\",\"path\":\"/data/b\"}]", {"out":{"apiVersion":"v1","data":{"b":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"move\",\"path\":\"/data/b\"}]", {"err":"move operation failed to decode from: operation, missing from field: missing value"}],
  ["[{\"op\":\"move\",\"from\":\"/nope/a\",\"path\":\"/data/b\"}]", {"err":"move operation does not apply: doc is missing from path: /nope/a: missing value"}],
  ["[{\"op\":\"move\",\"from\":\"/x/9\",\"path\":\"/data/b\"}]", {"err":"error in move for path: '9': Unable to access invalid index: 9: invalid index referenced"}],
  ["[{\"op\":\"move\",\"from\":\"/data/a\",\"path\":\"/nope/b\"}]", {"err":"move operation does not apply: doc is missing destination path: /nope/b: missing value"}],
  ["[{\"op\":\"copy\",\"from\":\"/data/a\",\"path\":\"/data/c\"}]", {"out":{"apiVersion":"v1","data":{"a":"1","c":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"copy\",\"from\":\"/data/zz\",\"path\":\"/data/c\"}]", {"out":{"apiVersion":"v1","data":{"a":"1","c":null},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"copy\",\"from\":\"/x/9\",\"path\":\"/data/c\"}]", {"err":"error in copy for from: '/x/9': Unable to access invalid index: 9: invalid index referenced"}],
  ["[{\"op\":\"copy\",\"from\":\"/data/a\"}]", {"err":"copy operation failed to decode path: missing value"}],
  ["[{\"op\":\"copy\",\"from\":\"/data/a\",\"path\":\"/x/9\"}]", {"err":"error while adding value during copy: Unable to access invalid index: 9: invalid index referenced"}],
  ["[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"1\"}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"2\"}]", {"err":"testing value /data/a failed: test failed"}],
  ["[{\"op\":\"test\",\"path\":\"/data/zz\",\"value\":null}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"test\",\"path\":\"/x/9\",\"value\":1}]", {"err":"error in test for path: '/x/9': Unable to access invalid index: 9: invalid index referenced"}],
  ["[{\"op\":\"test\",\"path\":\"/nope/a\",\"value\":1}]", {"err":"test operation does not apply: is missing path: /nope/a: missing value"}],
  ["[{\"op\":\"test\",\"value\":1}]", {"err":"test operation failed to decode path: operation missing path field: missing value"}],
  ["[{\"op\":\"test\",\"path\":\"/x\",\"value\":[1,2,3]}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"add\",\"path\":\"x\",\"value\":1}]", {"err":"add operation does not apply: doc is missing path: \"x\": missing value"}],
  ["[\"a\"]", {"err":"json: cannot unmarshal string into Go value of type jsonpatch.Operation"}],
  ["{\"op\":\"add\"}", {"err":"json: cannot unmarshal object into Go value of type jsonpatch.Patch"}],
  ["[null]", {"err":"Unexpected kind: unknown"}],
  ["[{\"op\":\"add\",\"path\":\"/data~1b\",\"value\":\"q\"}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"data/b":"q","kind":"ConfigMap","metadata":{"name":"c"},"x":[1,2,3]}}],
  ["[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"a~b\":\"1\"}},{\"op\":\"add\",\"path\":\"/metadata/labels/a~0b\",\"value\":\"2\"}]", {"out":{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"labels":{"a~b":"2"},"name":"c"},"x":[1,2,3]}}],
];

describe('applyJsonPatchV4', () => {
  it.each(ROWS)('%s', (patch, want) => {
    const apply = (): unknown => applyJsonPatchV4(DOC, decodeJsonPatch(JSON.parse(patch)));
    if ('out' in want) expect(apply()).toEqual(want.out);
    else expect(apply).toThrow(want.err);
  });

  it('leaves the document it was given alone', () => {
    const doc = structuredClone(DOC);
    applyJsonPatchV4(doc, [{ op: 'remove', path: '/data' }]);
    expect(doc).toEqual(DOC);
  });
});
