// Resource files kustomize cannot parse: go-yaml v3's words and lines (kyaml), which differ from
// v2's (-f) where the error has a context past the first line. Every expected text was printed by
// the real kubectl v1.32.4 for the same bytes as x.yaml, the one resource of a kustomization:
//   kubectl kustomize dir   (… MalformedYAMLError: <this> in File: x.yaml)
import { describe, expect, it } from 'vitest';
import { resourceObjects } from '../../src/cli/kubectl/kustomize/read-resources.js';

const CASES: [string, string][] = [
  ['kind: A\nmetadata:\n  labels:\n    a: b\n  annotations:\n     x: y\n    z: w\n', 'yaml: line 2: did not find expected key'],
  ['kind: A\nmetadata:\n  name: p\n  - x\n', 'yaml: line 2: did not find expected key'],
  ['kind: A\nitems:\n  - a: 1\n    b: 2\n   c: 3\n', "yaml: line 2: did not find expected '-' indicator"],
  ['kind: A\nmetadata:\n  name: b\n  labels\n    x: y\n', "yaml: line 4: could not find expected ':'"],
  ['kind: A\nmetadata:\n  name: b\n  labels x\n', "yaml: line 4: could not find expected ':'"],
  ['kind: A\nmetadata:\n  name: b\n   labels: x\n', 'yaml: line 4: mapping values are not allowed in this context'],
  ['kind: A\nspec:\n  c:\n  - name: x\n    image nginx\n', "yaml: line 5: could not find expected ':'"],
  ['kind: A\nmetadata:\n  name: a\n data:\n', 'yaml: line 3: did not find expected key'],
  ['kind\nmetadata: {}\n', 'yaml: line 2: mapping values are not allowed in this context'],
];

describe('kustomize resource files, go-yaml v3 error texts', () => {
  for (const [input, message] of CASES) {
    it(JSON.stringify(input), () => {
      expect(() => resourceObjects(input)).toThrow(message);
    });
  }
});
