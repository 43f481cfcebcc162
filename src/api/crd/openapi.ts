// The OpenAPI v3 document of a custom group-version (apiextensions-apiserver's openapi builder,
// v0.32): each kind's schema as the CRD gives it, with apiVersion, kind and metadata added and
// tagged with its group-version-kind, named by the REST-friendly name (`com.example.stable.v1.CronTab`);
// ObjectMeta and what it references come from the built-in schemas. kubectl explain reads it.
import type { ResourceDescriptor } from '../resources/types.js';
import { pathItemV3, schemaClosure, refsIn } from '../schema/convert.js';
import { fallbackPaths, type PathItem } from '../schema/paths.js';
import { openapiData } from '../schema/data.js';

/** The patch types a custom resource accepts (no strategic merge: it has no Go struct). */
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const METADATA_DOC = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/** util.ToRESTFriendlyName of `group/version.Kind`: the group's labels reversed. */
export const schemaName = (d: { group: string; version: string; kind: string }): string => `${d.group.split('.').reverse().join('.')}.${d.version}.${d.kind}`;

/** TypeMeta's apiVersion and kind as the built-in schemas describe them. */
function typeMeta(): Record<string, unknown> {
  const pod = openapiData().schemas['io.k8s.api.core.v1.Pod']!.properties!;
  return { apiVersion: pod.apiVersion, kind: pod.kind };
}

function kubeNative(d: ResourceDescriptor): Record<string, unknown> {
  const s = structuredClone(d.custom!.schema) as Record<string, unknown> & { properties?: Record<string, unknown> };
  const props: Record<string, unknown> = { ...(s.properties ?? {}), ...typeMeta(), metadata: { allOf: [{ $ref: `#/components/schemas/${OBJECT_META}` }], description: METADATA_DOC } };
  s.properties = Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k]]));
  s['x-kubernetes-group-version-kind'] = [{ group: d.group, kind: d.kind, version: d.version }];
  return Object.fromEntries(Object.keys(s).sort().map((k) => [k, s[k]]));
}

export function customV3Document(ds: readonly ResourceDescriptor[]): unknown {
  const own = Object.fromEntries(ds.map((d) => [schemaName(d), kubeNative(d)]));
  const schemas = { ...schemaClosure(refsIn(own)), ...own };
  const items: Record<string, PathItem> = {};
  for (const d of ds) Object.assign(items, fallbackPaths(`/apis/${d.group}/${d.version}`, d, PATCH_TYPES));
  const paths = Object.fromEntries(Object.keys(items).sort().map((p) => [p, pathItemV3(items[p]!)]));
  return {
    components: { schemas: Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]])) },
    info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
    openapi: '3.0.0',
    paths,
  };
}
