// Every kind the apiserver serves (resources and their subresources' kinds) decodes from protobuf.
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../resources/index.js';
import { decodeKubernetesProtobuf } from './index.js';
import { body, pb } from './testdata/pb.js';

const gv = (group: string, version: string): string => (group ? `${group}/${version}` : version);
const kinds = new Set<string>(['meta.k8s.io/v1 DeleteOptions']);
// Not yet decodable: apiextensions v1 (its JSONSchemaProps* types marshal themselves, as bool-or-schema
// and the like, which fixtures/protobuf does not model). Clients send CRDs as JSON here.
const JSON_ONLY = new Set(['apiextensions.k8s.io']);
for (const d of RESOURCES.filter((r) => !JSON_ONLY.has(r.group))) {
  kinds.add(`${gv(d.group, d.version)} ${d.kind}`);
  for (const s of Object.values(d.subresources)) kinds.add(`${gv(s.group ?? d.group, s.version ?? d.version)} ${s.kind}`);
}

describe('kinds the apiserver serves', () => {
  it.each([...kinds].map((k) => k.split(' ') as [string, string]))('decodes %s %s', (apiVersion, kind) => {
    const options = kind.endsWith('Options'); // DeleteOptions, and the connect subresources' PodExecOptions...
    const { object } = decodeKubernetesProtobuf(body(apiVersion, kind, options ? pb() : pb().msg(1, pb().str(1, 'x'))));
    expect(object.kind).toBe(kind);
    expect(object.apiVersion).toBe(apiVersion);
    if (!options) expect(object.metadata).toMatchObject({ name: 'x' });
  });
});
