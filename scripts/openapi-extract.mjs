#!/usr/bin/env node
// Builds fixtures/openapi/kube-v1.32.json.gz: the OpenAPI v3 schemas (components.schemas) a
// kube-apiserver v1.32 publishes for the API groups kubedojo serves, with the upstream (v2) paths
// and shared parameters of those groups. src/api/schema reads it to
// publish /openapi/v2 and /openapi/v3 and to check fields (fieldValidation=Strict/Warn).
//
// Inputs (all public, Apache-2.0; facts only are carried over: names, types, descriptions, enums,
// defaults, patch/list extensions, group-version-kinds):
//  --swagger       api/openapi-spec/swagger.json of kubernetes/kubernetes branch release-1.32. The
//                  copy used was kubernetes-client/python branch release-32.0,
//                  kubernetes/swagger.json.unprocessed (fetched there from release-1.32, 2025-01-13;
//                  the API types of the groups below did not change from v1.32.0 to v1.32.4).
//  --api           a checkout of kubernetes/api (k8s.io/api) at tag kubernetes-1.32.4
//  --apimachinery  a checkout of kubernetes/apimachinery at tag kubernetes-1.32.4
//  --apiextensions a checkout of kubernetes/apiextensions-apiserver at tag kubernetes-1.32.4 (the
//                  CustomResourceDefinition types)
//  --out           where to write (default fixtures/openapi/kube-v1.32.json.gz)
//
// The committed spec is what the server publishes with the OpenAPIEnums feature gate off; v1.32
// serves it on by default, so enums and their "Possible enum values" descriptions are recomputed
// from the Go types (scripts/openapi-enrich.mjs), as are the v3 defaults (the v2 document prunes
// them). The v3 shape follows kube-openapi: `$ref` with siblings is wrapped in allOf, and
// IntOrString/Quantity are oneOf [integer|number, string].
//
// Re-run:
//   git clone --branch release-32.0 https://github.com/kubernetes-client/python /tmp/py
//   git clone --branch kubernetes-1.32.4 https://github.com/kubernetes/api /tmp/api
//   git clone --branch kubernetes-1.32.4 https://github.com/kubernetes/apimachinery /tmp/apimachinery
//   git clone --branch kubernetes-1.32.4 https://github.com/kubernetes/apiextensions-apiserver /tmp/apiextensions
//   node scripts/openapi-extract.mjs --swagger /tmp/py/kubernetes/swagger.json.unprocessed \
//     --api /tmp/api --apimachinery /tmp/apimachinery --apiextensions /tmp/apiextensions
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { GoUniverse, goNameOf, enumList, enumSection } from './openapi-enrich.mjs';

/** The group-versions whose kinds are published (autoscaling/v1 for the Scale subresource). */
export const GROUP_VERSIONS = [
  'v1', 'apps/v1', 'batch/v1', 'rbac.authorization.k8s.io/v1', 'networking.k8s.io/v1', 'storage.k8s.io/v1',
  'policy/v1', 'coordination.k8s.io/v1', 'scheduling.k8s.io/v1', 'autoscaling/v1', 'autoscaling/v2',
  'discovery.k8s.io/v1', 'certificates.k8s.io/v1', 'authentication.k8s.io/v1', 'authorization.k8s.io/v1',
  'admissionregistration.k8s.io/v1', 'node.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1', 'apiextensions.k8s.io/v1',
];
const META = ['APIGroup', 'APIGroupList', 'APIResourceList', 'APIVersions', 'DeleteOptions', 'Patch', 'Status', 'WatchEvent'].map((k) => `io.k8s.apimachinery.pkg.apis.meta.v1.${k}`);
const V3_ONE_OF = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': ['integer', 'string'],
  'io.k8s.apimachinery.pkg.api.resource.Quantity': ['string', 'number'],
};
const gvOf = (x) => (x.group ? `${x.group}/${x.version}` : x.version);

function refsOf(schema, out = new Set()) {
  if (Array.isArray(schema)) schema.forEach((s) => refsOf(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string') out.add(v.slice(v.lastIndexOf('/') + 1));
      else refsOf(v, out);
    }
  }
  return out;
}

/** Definitions of the served group-versions, the meta types, those `extra` names, and all they reference. */
export function closure(definitions, extra = [], gvs = GROUP_VERSIONS) {
  const wanted = new Set(gvs);
  const roots = Object.keys(definitions).filter((name) => (definitions[name]['x-kubernetes-group-version-kind'] ?? []).some((x) => wanted.has(gvOf(x)) && !name.startsWith('io.k8s.apimachinery')));
  const seen = new Set();
  const queue = [...roots, ...META, ...extra];
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name) || !definitions[name]) continue;
    seen.add(name);
    queue.push(...refsOf(definitions[name]));
  }
  return [...seen].sort();
}

/** The JSON properties of a struct: its fields, with `json:",inline"` members flattened. */
function members(u, d) {
  const out = [];
  for (const f of d.struct) {
    if (f.name === '-') continue;
    if (f.inline) {
      const e = u.decl({ expr: f.type, pkg: d.pkg, imports: d.imports });
      if (e.struct) out.push(...members(u, e));
    } else out.push({ prop: f.name || f.goName, field: f, pkg: d.pkg, imports: d.imports });
  }
  return out;
}

function enrichElement(u, schema, container) {
  const sub = container.expr.kind === 'slice' ? schema.items : container.expr.kind === 'map' ? schema.additionalProperties : undefined;
  if (!sub || typeof sub !== 'object') return;
  const elem = u.sub(container, container.expr.elem);
  const d = elem.expr.kind === 'named' ? u.decl(elem) : undefined;
  const def = u.defaultOf(d?.comments ?? [], d?.pkg ?? elem.pkg, elem, false);
  if (def !== undefined) sub.default = def;
  const values = u.enumOf(elem);
  if (values?.length) sub.enum = enumList(values);
  enrichElement(u, sub, u.resolve(elem));
}

function enrichProperty(u, schema, m) {
  const ref = { expr: m.field.type, pkg: m.pkg, imports: m.imports };
  const values = u.enumOf(ref);
  if (values?.length) {
    const section = enumSection(values);
    if (!m.field.comments.includes('---')) schema.description = schema.description ? `${schema.description}\n\n${section}` : section;
    schema.enum = enumList(values);
  }
  if (m.field.asString) return;
  const def = u.defaultOf(m.field.comments, m.pkg, ref, m.field.omitEmpty);
  if (def !== undefined) schema.default = def;
  enrichElement(u, schema, u.resolve(ref));
}

/** Adds enums and defaults to one definition (a copy), from its Go struct. */
export function enrich(u, name, definition, warn = () => {}) {
  const out = structuredClone(definition);
  if (!out.properties) return out;
  const { pkg, name: typeName } = goNameOf(name);
  const d = u.decl({ expr: { kind: 'named', name: typeName }, pkg, imports: new Map() });
  if (!d.struct) return out;
  const byProp = new Map(members(u, d).map((m) => [m.prop, m]));
  for (const [prop, schema] of Object.entries(out.properties)) {
    const m = byProp.get(prop);
    if (m) enrichProperty(u, schema, m);
    else warn(`${name}.${prop}: no Go field`);
  }
  return out;
}

/** kube-openapi's v3 shape: `#/components/schemas/` refs, `$ref` with siblings wrapped in allOf. */
export function toV3(schema) {
  if (Array.isArray(schema)) return schema.map(toV3);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref') out[k] = v.replace('#/definitions/', '#/components/schemas/');
    else if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, toV3(s)]));
    else if (k === 'items' || k === 'additionalProperties' || k === 'not') out[k] = toV3(v);
    else if (k === 'allOf' || k === 'oneOf' || k === 'anyOf') out[k] = v.map(toV3);
    else out[k] = v;
  }
  if (out.$ref && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { ...rest, allOf: [{ $ref }] };
  }
  return out;
}

export function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
}

/** The upstream (v2) paths of the served group-versions, watch paths left out. */
export function servedPaths(paths, gvs = GROUP_VERSIONS) {
  const roots = gvs.map((gv) => (gv === 'v1' ? '/api/v1/' : `/apis/${gv}/`));
  return Object.fromEntries(Object.entries(paths).filter(([p]) => roots.some((r) => p.startsWith(r) && !p.startsWith(`${r}watch/`))));
}

/** The v3 components.schemas of the served group-versions and of the paths' requests and responses. */
export function buildSchemas(swagger, universe, warn, paths = {}) {
  const schemas = {};
  for (const name of closure(swagger.definitions, [...refsOf(paths)].filter((r) => swagger.definitions[r]))) {
    let def = enrich(universe, name, swagger.definitions[name], warn);
    if (V3_ONE_OF[name]) {
      const { type, ...rest } = def;
      def = { ...rest, oneOf: V3_ONE_OF[name].map((t) => ({ type: t })) };
    }
    schemas[name] = sortKeys(toV3(def));
  }
  return schemas;
}

function args(argv) {
  const out = { out: 'fixtures/openapi/kube-v1.32.json.gz' };
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const k of ['swagger', 'api', 'apimachinery', 'apiextensions']) if (!out[k]) throw new Error(`--${k} is required (see the header of this script)`);
  return out;
}

function main() {
  const a = args(process.argv.slice(2));
  const swagger = JSON.parse(readFileSync(a.swagger, 'utf8'));
  const universe = new GoUniverse({ 'k8s.io/api': a.api, 'k8s.io/apimachinery': a.apimachinery, 'k8s.io/apiextensions-apiserver': a.apiextensions });
  const paths = servedPaths(swagger.paths);
  const schemas = buildSchemas(swagger, universe, (w) => console.warn(`warning: ${w}`), paths);
  const parameters = Object.fromEntries([...refsOf(paths)].filter((r) => swagger.parameters[r]).sort().map((r) => [r, swagger.parameters[r]]));
  const doc = {
    kubernetes: 'v1.32.4',
    source: 'kubernetes/kubernetes release-1.32 api/openapi-spec/swagger.json; k8s.io/api, k8s.io/apimachinery and k8s.io/apiextensions-apiserver kubernetes-1.32.4',
    schemas,
    paths: sortKeys(paths),
    parameters: sortKeys(parameters),
  };
  const data = gzipSync(JSON.stringify(doc), { level: 9 });
  mkdirSync(dirname(a.out), { recursive: true });
  writeFileSync(a.out, data);
  console.log(`${a.out}: ${Object.keys(schemas).length} schemas, ${Object.keys(paths).length} paths, ${data.length} bytes`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
