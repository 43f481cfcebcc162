// The -f reader (src/cli/kubectl/resource/files.ts) on its own: documents and error texts, table
// driven. Every expected text was printed by the real kubectl v1.32.4 for the same bytes, with
//   printf '<input>' > x.yaml; KUBECONFIG=<empty file> kubectl label --local -f x.yaml a=b -o name
// (its stderr is `error: error parsing x.yaml: …` or `error: unable to decode "x.yaml": …`).
import { describe, expect, it } from 'vitest';
import { decodeManifests } from '../../src/cli/kubectl/resource/files.js';
import { globMatch } from '../../src/cli/kubectl/resource/files-glob.js';

const ERRORS: [string, string][] = [
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  b: c: d\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n\tb: c\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 5: found a tab character that violates indentation'],
  ['a: 1\n\tb: c\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation'],
  ['kind: A\nmetadata:\n  name: b\n  labels: [\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected node content'],
  ['kind: A\na: [1, 2\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"],
  ['kind: A\na: {x: 1\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 2: did not find expected ',' or '}'"],
  ['kind: A\na: "abc\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 3: found unexpected end of stream'],
  ["kind: A\na: 'x\n", 'error parsing x.yaml: error converting YAML to JSON: yaml: line 3: found unexpected end of stream'],
  ['kind: A\na:\n  - b\n  c: d\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected '-' indicator"],
  ['kind: A\na: b\n c: d\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context'],
  ['kind: A\nkey: value\n  bad: indent\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context'],
  ['kind: A\n a: b\nc: d\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context'],
  ['kind: A\na: b\n- c\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 2: did not find expected key'],
  ['kind: A\na: @x\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 2: found character that cannot start any token'],
  ['kind: A\na: [b, c]]\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected key'],
  ['kind: A\na: |\nb\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: could not find expected ':'"],
  ['kind: A\na: *x\n', "error parsing x.yaml: error converting YAML to JSON: yaml: unknown anchor 'x' referenced"],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---x\n', 'error parsing x.yaml: invalid Yaml document separator: x'],
  ['apiVersion: v1\nmetadata:\n  name: a\n', `unable to decode "x.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"a"}}'`],
  ['- a\n- b\n', 'unable to decode "x.yaml": json: cannot unmarshal array into Go value of type unstructured.detector'],
  ['kind: A\nn: -.inf\nm: .nan\n', 'error parsing x.yaml: error converting YAML to JSON: json: unsupported value: -Inf'],
  ['hello\n', 'unable to decode "x.yaml": json: cannot unmarshal string into Go value of type unstructured.detector'],
  // indentation go-yaml's blocks do not allow (src/printers/yaml/go-yaml-indent.ts)
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n spec:\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key"],
  ["a:\n  - - x\n    - y\n   z: 1\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected '-' indicator"],
  ["metadata:\n  labels:\n    a: b\n  annotations:\n     x: y\n    z: w\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key"],
  ["apiVersion: v1\nkind: List\nitems:\n  - a: 1\n    b: 2\n   c: 3\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 5: did not find expected '-' indicator"],
  ["apiVersion: v1\nkind: List\nitems:\n- a: 1\n  b: 2\n c: 3\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key"],
  ["a:\n  b: 1\n - c\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 2: did not find expected key"],
  ["a:\n  b:\n    c: 1\n   d: 2\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key"],
  ["a:\n  - x\n  - y\n - z\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key"],
  ["a:\n  - x: |\n      text\n      more\n    y: 1\n   z: 2\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 5: did not find expected '-' indicator"],
  ["a:\n  b:\n  - x\n  - y\n c: 1\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key"],
  ["a:\n  - - x\n    - y\n   - z\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected '-' indicator"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n   ports:\n    - containerPort: 80\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 8: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: c\n    args: [\"a\",\n      \"b\"]\n   x: 1\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 7: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\n  namespace: x\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key"],
  ["kind: List\napiVersion: v1\nitems:\n-\n  apiVersion: v1\n  kind: ConfigMap\n   metadata: {}\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n     ports:\n    - containerPort: 80\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 9: mapping values are not allowed in this context"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n  - name: d\n    image: x\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 8: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  - x\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key"],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\ndata:\n  script: |\n    echo hi\n      indented more\n    back\n  other: v\n   bad: w\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 11: mapping values are not allowed in this context"],
  ["apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n spec:\r\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p # comment\n  # a comment\n    labels: {a: b}\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image nginx\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 9: could not find expected ':'"],
  ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image nginx\n    ports:\n    - containerPort: 80\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 9: could not find expected ':'"],
  ["apiVersion: v1\nkind: Pod\nmetadata\n  name: p\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 4: could not find expected ':'"],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\ndata:\n  a: |\n    x\n  b\n  c: d\n", "error parsing x.yaml: error converting YAML to JSON: yaml: line 9: could not find expected ':'"],
  // inside a flow collection: a node where a separator was due, a token where a node was due
  ['kind: A\nx: [b[c]]\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"],
  ['kind: A\nx: {a: b c: d}\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'"],
  ['kind: A\nx: [a, {b: c} d]\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"],
  ['kind: A\nx: [,]\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content'],
  ['kind: A\nx: [#c]\nmore: 1\n', "error parsing x.yaml: error converting YAML to JSON: yaml: line 3: did not find expected ',' or ']'"],
  ['kind: A\nx: [a, }]\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content'],
  ['a: [b.[c=d].e]\n', "error parsing x.yaml: error converting YAML to JSON: yaml: did not find expected ',' or ']'"],
  // a comment left of a block scalar's text ends the scalar; the deeper line after it is a stray node
  ['kind: A\ndata:\n  script: |\n    echo hi\n# c\n\n    echo bye\n', 'error parsing x.yaml: error converting YAML to JSON: yaml: line 6: did not find expected key'],
  ['{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a",}}', "error parsing x.yaml: json: offset 68: invalid character '}' looking for beginning of object key string"],
  // metadata that does not decode into ObjectMeta: in the document's order (a YAML document's keys
  // come sorted from YAMLToJSON, a JSON one's as written), timestamps through time.Parse
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  creationTimestamp: foo\n', 'unable to decode "x.yaml": parsing time "foo" as "2006-01-02T15:04:05Z07:00": cannot parse "foo" as "2006"'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  creationTimestamp: "2024-01-01"\n', 'unable to decode "x.yaml": parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  creationTimestamp: 5\n', 'unable to decode "x.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 5\n', 'unable to decode "x.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  managedFields: [{time: xx}]\n', 'unable to decode "x.yaml": parsing time "xx" as "2006-01-02T15:04:05Z07:00": cannot parse "xx" as "2006"'],
  ['{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":5,"labels":{"a":1}}}', 'unable to decode "x.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string'],
  ['apiVersion: v1\nkind: ConfigMap\nmetadata: [1]\n', 'unable to decode "x.yaml": json: cannot unmarshal array into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta'],
];

describe('decodeManifests, error texts as kubectl prints them', () => {
  for (const [input, message] of ERRORS) {
    it(JSON.stringify(input), () => {
      const items = decodeManifests(input, 'x.yaml');
      const last = items[items.length - 1];
      expect(last && 'error' in last ? last.error.message : '(no error)').toBe(message);
    });
  }
});

describe('decodeManifests, documents', () => {
  it('keeps the documents before a bad one (kubectl labels the first, then fails)', () => {
    const items = decodeManifests('kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  labels: [\n', 'x.yaml');
    expect(items.map((i) => ('error' in i ? 'error' : (i.object.kind as string)))).toEqual(['A', 'error']);
  });
  it('reads YAML 1.1 scalars as go-yaml v2 does and skips empty documents', () => {
    // kubectl label --local -f x.yaml a=b -o json: "true": true, "u": 3, "v": 1000, "w": "1:20", "x": 493, "z": "2001-12-14"
    const items = decodeManifests('---\n# nothing\n---\nkind: A\nx: 0755\ny: yes\nz: 2001-12-14\nw: 1:20\nv: 1_000\nu: 0b11\n', 'x.yaml');
    expect(items).toEqual([{ source: 'x.yaml', object: { kind: 'A', true: true, u: 3, v: 1000, w: '1:20', x: 493, z: '2001-12-14' } }]);
  });
  it('ends a document at a line left of its first block, as go-yaml does, and reads no further', () => {
    // kubectl label --local -f x.yaml a=b -o name: configmap/a (the Secret line is never parsed)
    const items = decodeManifests('  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\nkind: Secret\n', 'x.yaml');
    expect(items.map((i) => ('object' in i ? i.object.kind : 'error'))).toEqual(['ConfigMap']);
  });
  it('reads a quoted scalar going on at any column, as go-yaml does', () => {
    // kubectl label --local -f x.yaml a=b -o json: "note": "x y", "n2": "a long note over two"
    const items = decodeManifests("kind: A\nmetadata:\n  name: x\n  annotations:\n    n2: 'a long note\n over two'\nnote: 'x\ny'\n", 'x.yaml');
    expect(items).toEqual([{ source: 'x.yaml', object: { kind: 'A', metadata: { annotations: { n2: 'a long note over two' }, name: 'x' }, note: 'x y' } }]);
  });
  it('reads a stream of JSON objects', () => {
    const items = decodeManifests('{"kind":"A"}\n{"kind":"B"} ', 'x.json');
    expect(items.map((i) => ('object' in i ? i.object.kind : 'error'))).toEqual(['A', 'B']);
  });
  it('reports a JSON object cut short as Go does', () => {
    const items = decodeManifests('{"kind": "A"', 'x.json');
    expect(items).toEqual([{ source: 'x.json', error: new Error('error parsing x.json: unexpected EOF') }]);
  });
});

describe('globMatch (filepath.Match)', () => {
  const table: [string, string, boolean][] = [
    ['*.yaml', 'a.yaml', true], ['*.yaml', 'a.yml', false], ['a?.yaml', 'ab.yaml', true], ['[a-c]*', 'b1', true],
    ['[^a-c]*', 'b1', false], ['\\*', '*', true], ['*', 'a/b', false],
  ];
  for (const [pattern, name, want] of table) {
    it(`${pattern} ${want ? 'matches' : 'does not match'} ${name}`, () => {
      expect(globMatch(pattern, name)).toBe(want);
    });
  }
});
