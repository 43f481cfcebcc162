import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openapiV2, openapiV3Doc, openapiV3Index } from '../http/openapi.js';
import type { Schema } from './index.js';

interface V3Doc {
  paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: { content: Record<string, unknown> }; 'x-kubernetes-group-version-kind'?: unknown }>>;
  components: { schemas: Record<string, Schema> };
}

describe('OpenAPI documents', () => {
  it('publishes the Pod schema with its descriptions and patch extensions in api/v1', () => {
    const doc = openapiV3Doc('api/v1') as V3Doc;
    const podSchema = doc.components.schemas['io.k8s.api.core.v1.Pod']!;
    expect(podSchema['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(podSchema.description).toBe('Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.');
    const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec']!.properties!.containers!;
    expect(containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(containers['x-kubernetes-patch-strategy']).toBe('merge');
    expect(containers.items).toEqual({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }], default: {} });
    const pullPolicy = doc.components.schemas['io.k8s.api.core.v1.Container']!.properties!.imagePullPolicy!;
    expect(pullPolicy.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(pullPolicy.description).toContain('\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image.');
  });

  it('declares the kind and server-side field validation on PATCH', () => {
    const doc = openapiV3Doc('apis/apps/v1') as V3Doc;
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!.patch!;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    expect(patch.parameters!.map((p) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody!.content)).toContain('application/strategic-merge-patch+json');
    expect(doc.components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']!.oneOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
    expect(openapiV3Doc('apis/nothing.example.com/v1')).toBeUndefined();
  });

  it('names each document in the index with the SHA-512 of its content', () => {
    const index = openapiV3Index() as { paths: Record<string, { serverRelativeURL: string }> };
    expect(Object.keys(index.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/autoscaling/v2', 'apis/rbac.authorization.k8s.io/v1']));
    const url = index.paths['apis/batch/v1']!.serverRelativeURL;
    const hash = createHash('sha512').update(JSON.stringify(openapiV3Doc('apis/batch/v1'))).digest('hex').toUpperCase();
    expect(url).toBe(`/openapi/v3/apis/batch/v1?hash=${hash}`);
  });

  it('serves v2 definitions without defaults and with plain refs', () => {
    const doc = openapiV2() as { definitions: Record<string, Schema>; paths: Record<string, unknown> };
    const containers = doc.definitions['io.k8s.api.core.v1.PodSpec']!.properties!.containers!;
    expect(containers.items).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Container' });
    expect(doc.definitions['io.k8s.api.core.v1.Container']!.properties!.name).toEqual({ description: expect.stringContaining('DNS_LABEL'), type: 'string' });
    expect(doc.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods/{name}']).toBeDefined();
  });
});
