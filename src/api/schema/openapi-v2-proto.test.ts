import protobuf from 'protobufjs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openapiV2Descriptor } from './openapi-v2-messages.js';
import { encodeOpenapiV2 } from './openapi-v2-proto.js';
import { openapiV2Protobuf } from './openapi-v2-response.js';

interface Named<T> {
  name: string;
  value: T;
}
interface PbAny {
  yaml: string;
}
interface PbSchema {
  _ref?: string;
  description?: string;
  type?: { value: string[] };
  items?: { schema: PbSchema[] };
  properties?: { additional_properties: Named<PbSchema>[] };
  additional_properties?: { schema?: PbSchema; boolean?: boolean };
  enum?: PbAny[];
  vendor_extension?: Named<PbAny>[];
}
interface PbOperation {
  parameters: { parameter?: { non_body_parameter?: { query_parameter_sub_schema?: { name: string; in: string } } }; json_reference?: { _ref: string } }[];
  responses: { response_code: Named<{ response?: { description: string; schema?: { schema?: PbSchema } } }>[] };
  vendor_extension: Named<PbAny>[];
}
interface PbDocument {
  swagger: string;
  info: { title: string; version: string };
  definitions: { additional_properties: Named<PbSchema>[] };
  paths: { path: Named<Record<string, PbOperation>>[] };
  parameters: { additional_properties: Named<{ body_parameter?: { name: string; schema: PbSchema } }>[] };
  security: { additional_properties: Named<object>[] }[];
  security_definitions: { additional_properties: Named<{ api_key_security?: { type: string; name: string; in: string } }>[] };
}

const Document = protobuf.Root.fromJSON(openapiV2Descriptor()).lookupType('openapi.v2.Document');
const bytes = openapiV2Protobuf();
const message = Document.decode(bytes);
const doc = Document.toObject(message, { longs: Number }) as PbDocument;

const find = <T>(list: Named<T>[] | undefined, name: string): T => list!.find((x) => x.name === name)!.value;
const ext = (s: { vendor_extension?: Named<PbAny>[] }, name: string): unknown => parse(find(s.vendor_extension, name).yaml);
const definition = (name: string): PbSchema => find(doc.definitions.additional_properties, name);

describe('/openapi/v2 as openapi.v2.Document', () => {
  it('holds the Pod definition with its description and group-version-kind extension', () => {
    const pod = definition('io.k8s.api.core.v1.Pod');
    expect(pod.description).toBe('Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.');
    expect(pod.type!.value).toEqual(['object']);
    expect(ext(pod, 'x-kubernetes-group-version-kind')).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(find(pod.properties!.additional_properties, 'spec')._ref).toBe('#/definitions/io.k8s.api.core.v1.PodSpec');
  });

  it('carries items, maps, enums and patch extensions', () => {
    const containers = find(definition('io.k8s.api.core.v1.PodSpec').properties!.additional_properties, 'containers');
    expect(containers.items!.schema).toEqual([{ _ref: '#/definitions/io.k8s.api.core.v1.Container' }]);
    expect(find(containers.vendor_extension, 'x-kubernetes-patch-merge-key').yaml).toBe('name\n');
    expect(ext(containers, 'x-kubernetes-patch-strategy')).toBe('merge');
    const container = definition('io.k8s.api.core.v1.Container').properties!.additional_properties;
    expect(find(container, 'imagePullPolicy').enum!.map((a) => a.yaml)).toEqual(['Always\n', 'IfNotPresent\n', 'Never\n']);
    const labels = find(definition('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta').properties!.additional_properties, 'labels');
    expect(labels.additional_properties!.schema!.type!.value).toEqual(['string']);
  });

  it('carries paths, parameters, responses and security', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info.title).toBe('Kubernetes');
    const patch = find(doc.paths.path, '/api/v1/namespaces/{namespace}/pods/{name}').patch!;
    expect(patch.parameters[0]!.json_reference!._ref).toMatch(/^#\/parameters\/body-/);
    const queries = patch.parameters.map((p) => p.parameter?.non_body_parameter?.query_parameter_sub_schema?.name);
    expect(queries).toContain('fieldValidation');
    expect(find(patch.responses.response_code, '200').response!.schema!.schema!._ref).toBe('#/definitions/io.k8s.api.core.v1.Pod');
    expect(ext(patch, 'x-kubernetes-group-version-kind')).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    const body = doc.parameters.additional_properties.find((p) => p.value.body_parameter)!;
    expect(body.value.body_parameter!.name).toBe('body');
    expect(doc.security).toEqual([{ additional_properties: [{ name: 'BearerToken', value: {} }] }]);
    expect(find(doc.security_definitions.additional_properties, 'BearerToken').api_key_security).toEqual({ type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer Token authentication' });
  });

  it('is canonical proto3: protobufjs writes the decoded message back to the same bytes', () => {
    expect(Buffer.from(Document.encode(message).finish()).equals(bytes)).toBe(true);
  });

  it('writes oneof members even at their zero value and leaves zero scalars out', () => {
    const schema = { type: 'object', additionalProperties: false, required: [''], uniqueItems: false, maximum: 0, maxLength: 3 };
    const encoded = encodeOpenapiV2({ definitions: { X: schema } });
    const decoded = Document.toObject(Document.decode(encoded), { longs: Number }) as PbDocument;
    expect(decoded.definitions.additional_properties[0]!.value).toEqual({
      type: { value: ['object'] },
      additional_properties: { boolean: false },
      required: [''],
      max_length: 3,
    });
  });
});
