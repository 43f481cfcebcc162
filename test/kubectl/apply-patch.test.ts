// apply's client-side three-way strategic merge patch against what the real kubectl sent for the
// same last-applied configuration, new manifest and live object (apply-patch-fixtures.ts), and
// the small helpers of apply, diff and edit, table-driven.
import { describe, expect, it } from 'vitest';
import type { Obj } from '../../src/client/types.js';
import { goJsonMarshal } from '../../src/printers/jsonpath/gojson.js';
import { goJsonIndent } from '../../src/cli/kubectl/commands/apply/json-indent.js';
import { LAST_APPLIED, modifiedConfiguration } from '../../src/cli/kubectl/commands/apply/last-applied.js';
import { decodeStream } from '../../src/cli/kubectl/commands/apply/objects/stream.js';
import { OpenApiLookup, type OpenApiSchema, type SchemaTable } from '../../src/cli/kubectl/commands/apply/patch/meta.js';
import { threeWayJsonMergePatch, threeWayStrategicPatch, twoWayStrategicPatch } from '../../src/cli/kubectl/commands/apply/patch/three-way.js';
import { goFloat, type JsonMap } from '../../src/cli/kubectl/commands/apply/patch/values.js';
import { maskSecrets } from '../../src/cli/kubectl/commands/diff/masker.js';
import { diffCommand } from '../../src/cli/kubectl/commands/diff/program.js';
import { defaultEditor } from '../../src/cli/kubectl/commands/edit/editor.js';
import { hashOnLineBreak, headerText, manualStrip, stripComments } from '../../src/cli/kubectl/commands/edit/text.js';
import { validateEdited } from '../../src/cli/kubectl/commands/edit/validation.js';
import { OPENAPI_SCHEMAS, PATCH_FIXTURES } from './apply-patch-fixtures.js';

const TABLE = OPENAPI_SCHEMAS as SchemaTable;
const KIND_SCHEMA: Record<string, string> = {
  Deployment: 'io.k8s.api.apps.v1.Deployment', Service: 'io.k8s.api.core.v1.Service', ConfigMap: 'io.k8s.api.core.v1.ConfigMap',
};

function lookupFor(kind: string): OpenApiLookup {
  return new OpenApiLookup(TABLE[KIND_SCHEMA[kind]!] as OpenApiSchema, TABLE);
}

describe('three-way strategic merge patch, as the real kubectl computed it', () => {
  for (const f of PATCH_FIXTURES) {
    it(f.name, () => {
      const [item] = decodeStream(f.manifest, 'x.yaml', true);
      const obj = (item as { object: Obj }).object;
      const modified = JSON.parse(modifiedConfiguration(obj, true)) as JsonMap;
      const current = f.current as JsonMap;
      const annotation = (current.metadata as { annotations: Record<string, string> }).annotations[LAST_APPLIED]!;
      const patch = threeWayStrategicPatch(JSON.parse(annotation) as JsonMap, modified, current, lookupFor(String(obj.kind)));
      expect(goJsonMarshal(patch)).toBe(f.patch);
    });
  }
});

describe('two-way strategic merge patch (edit)', () => {
  const cases: { name: string; original: JsonMap; edited: JsonMap; patch: string }[] = [
    {
      name: 'a container field changed',
      original: { kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } } },
      edited: { kind: 'Deployment', spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'z' }] } } } },
      patch: '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"z","name":"b"}]}}}}',
    },
    {
      name: 'replicas removed',
      original: { kind: 'Deployment', spec: { replicas: 2 } },
      edited: { kind: 'Deployment', spec: {} },
      patch: '{"spec":{"replicas":null}}',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(goJsonMarshal(twoWayStrategicPatch(c.original, c.edited, lookupFor('Deployment')))).toBe(c.patch);
    });
  }
});

// apimachinery's jsonmergepatch test cases (patch_test.go, createJSONMergePatchTestCaseData).
describe('three-way JSON merge patch (kinds without strategic merge)', () => {
  const cases: [string, JsonMap, JsonMap, JsonMap, string][] = [
    ['nil original', {}, { name: 1, value: 1 }, { name: 1, other: 'a' }, '{"value":1}'],
    ['nil patch', { name: 1 }, { name: 1 }, { name: 1 }, '{}'],
    ['add field to map with conflict', { name: 1 }, { name: 1, value: 1 }, { name: 'a', other: 'a' }, '{"name":1,"value":1}'],
    ['add field and delete field from map', { name: 1 }, { value: 1 }, { name: 1, other: 'a' }, '{"name":null,"value":1}'],
    ['delete field from nested map', { simpleMap: { key1: 1, key2: 1 } }, { simpleMap: { key1: 1 } }, { simpleMap: { key1: 1, key2: 1, other: 'a' } }, '{"simpleMap":{"key2":null}}'],
    ['lists replaced whole', { l: [1, 2] }, { l: [2, 3] }, { l: [1, 2, 4] }, '{"l":[2,3]}'],
  ];
  it.each(cases)('%s', (_name, original, modified, current, want) => {
    expect(goJsonMarshal(threeWayJsonMergePatch(original, modified, current))).toBe(want);
  });
});

describe('helpers', () => {
  it.each([
    ['{"a":1,"b":[1,2],"c":{},"d":[]}\n', '{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ],\n  "c": {},\n  "d": []\n}\n'],
    ['  {"k":"v \\" : ,"}', '{\n  "k": "v \\" : ,"\n}'],
  ])('json.Indent(%j)', (src, want) => {
    expect(goJsonIndent(src, '  ')).toBe(want);
  });

  it.each([[1, '1'], [123456, '123456'], [1000000, '1e+06'], [1234567, '1.234567e+06'], [0.5, '0.5'], [0.00001, '1e-05']])('%%v of %d', (n, want) => {
    expect(goFloat(n)).toBe(want);
  });

  it.each([
    [{}, { cmd: 'diff', args: ['-u', '-N', 'L', 'M'] }],
    [{ KUBECTL_EXTERNAL_DIFF: 'colordiff -N -u --x=y $(rm) a.b' }, { cmd: 'colordiff', args: ['L', 'M', '-N', '-u', '--x=y'] }],
  ])('diff program for %j', (env, want) => {
    expect(diffCommand(env, 'L', 'M')).toEqual(want);
  });

  it.each([
    [{}, { args: ['vi'], shell: false }],
    [{ EDITOR: 'nano -w' }, { args: ['nano', '-w'], shell: false }],
    [{ KUBE_EDITOR: 'code --wait "x"', EDITOR: 'vi', SHELL: '/bin/sh' }, { args: ['/bin/sh', '-c', 'code --wait "x"'], shell: true }],
  ])('editor for %j', (env, want) => {
    expect(defaultEditor(env)).toEqual(want);
  });

  it('masks secret data', () => {
    const from = { apiVersion: 'v1', kind: 'Secret', data: { a: 'x', b: 'y', c: 'z' } } as unknown as Obj;
    const to = { apiVersion: 'v1', kind: 'Secret', data: { a: 'x', b: 'w', d: 'q' } } as unknown as Obj;
    const m = maskSecrets(from, to);
    expect((m.from as unknown as { data: unknown }).data).toEqual({ a: '***', b: '*** (before)', c: '***' });
    expect((m.to as unknown as { data: unknown }).data).toEqual({ a: '***', b: '*** (after)', d: '***' });
    expect(maskSecrets(undefined, to).from).toBeNull();
  });

  it('edit header and comment handling', () => {
    expect(headerText('normal', [{ head: 'deployments.apps "web" was not valid', other: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] }]))
      .toBe(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
# deployments.apps "web" was not valid:
# * spec.replicas: Invalid value: -1: must be greater than or equal to 0
#
`);
    expect(hashOnLineBreak('a\nb\n#c')).toBe('a\n# b\n#c');
    expect(manualStrip('# x\na: 1\n  #! keep\n')).toBe('a: 1\n  #! keep\n');
    expect(stripComments('# c\nb: 2\na: 1\n')).toBe('{"a":1,"b":2}');
    expect(stripComments('  {"b":2}\n')).toBe('  {"b":2}\n');
    expect(validateEdited('{"apiVersion":"v1"}')).toBe('kind not set');
    expect(validateEdited('k: v\na: b: c\n')).toBe('yaml: line 2: mapping values are not allowed in this context');
    expect(validateEdited('{}')).toBe('[apiVersion not set, kind not set]');
  });
});
