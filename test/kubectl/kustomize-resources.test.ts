// Resource files as kustomize's resource factory reads them (read-resources.ts, duplicate-keys.ts):
// documents split as kio splits them, kyaml's metadata checks and their %v of ResourceMeta, List
// unwrapping and inlining, annotations as RemoveOriginAnnotations rewrites them, and repeated keys,
// refused when the result is written, at the lines of kyaml's re-serialised resource. Every
// expected text was printed by the real kubectl v1.32.4 (`kubectl kustomize DIR`, the klog err
// value unquoted) for the same bytes as r.yaml, the one resource of DIR's kustomization.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { expectBuild, type Want } from './kustomize-expect.js';

const CASES: [string, Want][] = [
  ["apiVersion: v1\nmetadata:\n  name: a\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing kind in object {{v1 } {{a } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata: x\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{v1 ConfigMap} {{ } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: ConfigMap\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{v1 ConfigMap} {{ } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["hello\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing Resource metadata': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["- a\n- b\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing Resource metadata': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["{}\n---\n[]\n", {"stdout":""}],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a]\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{v1 ConfigMap} {{ } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: ns\n  labels: {b: 2, a: x}\n  annotations: {z: \"1\"}\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{v1 ConfigMap} {{ ns} map[a:x b:2] map[z:1]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: 1.10\nkind: ConfigMap\nmetadata:\n  labels: {a: 0x10}\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{1.10 ConfigMap} {{ } map[a:0x10] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["kind: {a: b}\nmetadata:\n  name: a\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing kind in object {{ } {{a } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  metadata: {name: a}\n- kind: Secret\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{ Secret} {{ } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: List\nitems: {a: 1}\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing Resource metadata': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: List\n", {"stdout":"apiVersion: v1\nkind: List\nmetadata: {}\n"}],
  ["apiVersion: v1\nkind: ConfigMapList\nitems: 1.5\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': expected array in ConfigMapList/items, but found float64': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["apiVersion: v1\nkind: ConfigMapList\nitems: [{kind: ConfigMap, metadata: {name: b}}, null, {}, [1]]\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing Resource metadata': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["kind: ConfigMap\nmetadata: {name: z}\n---\nkind: Secret\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': missing metadata.name in object {{ Secret} {{ } map[] map[]}}': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["kind: XList\nitems: [{kind: YList, items: [{kind: ConfigMap, metadata: {name: deep}}]}, {kind: ConfigMap, metadata: {name: top}}]\n", {"stdout":"kind: ConfigMap\nmetadata:\n  name: deep\n---\nkind: ConfigMap\nmetadata:\n  name: top\n"}],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations: {z: 1, b: \"2\", b: \"3\"}\n  name: a\n", {"stdout":"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations:\n    b: \"3\"\n    z: \"1\"\n  name: a\n"}],
  ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  annotations:\ndata:\n  key: value\n", {"stdout":"apiVersion: v1\ndata:\n  key: value\nkind: ConfigMap\nmetadata:\n  name: cfg\n"}],
  ["apiVersion: v1\nkind: ConfigMap\n\nmetadata:\n  name: a\n\n  labels:\n    a: b\n\n    a: c\n", {"error":"map[string]interface {}(nil): yaml: unmarshal errors:\n  line 7: mapping key \"a\" already defined at line 6"}],
  ["# head\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    a: b\n    a: c\n  annotations: {x: 1, x: 2}\ndata: {q: 1, q: 2}\n", {"error":"map[string]interface {}(nil): yaml: unmarshal errors:\n  line 8: mapping key \"a\" already defined at line 7\n  line 11: mapping key \"q\" already defined at line 11"}],
  ["kind: ConfigMap\nmetadata: {name: z}\n# tail\n---\n# head2\n\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", {"error":"map[string]interface {}(nil): yaml: unmarshal errors:\n  line 7: mapping key \"name\" already defined at line 6"}],
  ["kind: ConfigMap\nmetadata: {name: z}\ndata:\n  a: |\n    x\n\n    y\n  a: 1\n", {"error":"map[string]interface {}(nil): yaml: unmarshal errors:\n  line 8: mapping key \"a\" already defined at line 4"}],
  ["kind: ConfigMap\nmetadata: {name: z}\n---\n---\napiVersion: v1\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: svc\n", {"error":"accumulating resources: accumulation err='accumulating resources from 'r.yaml': trouble expanding list of List; received error yaml: unmarshal errors:\n  line 3: mapping key \"apiVersion\" already defined at line 2 for the following resource:\napiVersion: v1\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: svc\n': must build at directory: '<dir>/r.yaml': file is not directory"}],
  ["kind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  script: |\n    echo hi\n# c\n\n    echo bye\n", {"error":"accumulating resources: accumulating resources from 'r.yaml': MalformedYAMLError: yaml: line 4: did not find expected key in File: r.yaml"}],
  ["kind: ConfigMap\nmetadata:\n  name: cfg\n  annotations:\n  annotations:\n    note: hello\n", {"stdout":"kind: ConfigMap\nmetadata:\n  annotations:\n    note: hello\n  name: cfg\n"}],
  ["kind: ConfigMap\nmetadata: {name: a}\n---\nkind: Secret\nmetadata:\n  name: b\n  name: c\n", {"error":"map[string]interface {}(nil): yaml: unmarshal errors:\n  line 4: mapping key \"name\" already defined at line 3"}],
];

describe('kustomize resource files, read as kyaml reads them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kustomize-resources-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- r.yaml\n');
  it.each(CASES)('%j', (input, want) => {
    writeFileSync(join(dir, 'r.yaml'), input);
    expectBuild(dir, '.', want);
  });
});
