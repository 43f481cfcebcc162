#!/usr/bin/env node
// Builds fixtures/protobuf/kube-v1.32-protobuf.json: the wire schema src/api/protobuf uses to decode
// request bodies sent as application/vnd.kubernetes.protobuf (what the real kubectl's typed clients
// send) into the JSON object Go's encoding/json would produce from the decoded Go struct.
//
// Inputs (public, Apache-2.0; facts only are carried over: message and field names, field numbers,
// wire types, Go field names, Go json tags (name, omitempty, inline), pointer-ness, field order):
//  --api           a checkout of kubernetes/api (k8s.io/api) at tag v0.32.4: each served package's
//                  generated.proto (go-to-protobuf output, proto2) and its Go types (*.go)
//  --apimachinery  a checkout of kubernetes/apimachinery at tag v0.32.4 (meta/v1, runtime,
//                  api/resource, util/intstr, runtime/schema)
//  --aggregator    a checkout of kubernetes/kube-aggregator at tag v0.32.4 (apiregistration/v1)
//  --out           where to write (default fixtures/protobuf/kube-v1.32-protobuf.json)
//
// The output, per message (`<pkg>.<Name>`, e.g. `apps/v1.Deployment`), lists the fields in Go
// declaration order (the order encoding/json writes them) as [json, number, type, flags, goName?]:
//  type   a proto scalar (string, bool, int32, int64, bytes, ...), another message's key, or one of
//         the types that marshal themselves: @time @microtime @duration @quantity @intorstring @raw
//         (RawExtension, FieldsV1: embedded JSON), @typemeta (the inline TypeMeta: kind, apiVersion)
//  flags  r repeated · m map (string keys; type is the value's) · p Go pointer · o omitempty ·
//         i inline (an embedded struct whose fields JSON promotes)
//  goName the Go field name, when it is not the json name with its first letter upper-cased
//         (gogo's error messages name fields by it)
// A message that is a named Go slice (`type ExtraValue []string`, wrapped as {repeated items = 1})
// is "list:<element type>".
//
// Re-run:
//   git clone --branch v0.32.4 https://github.com/kubernetes/api /tmp/api
//   git clone --branch v0.32.4 https://github.com/kubernetes/apimachinery /tmp/apimachinery
//   git clone --branch v0.32.4 https://github.com/kubernetes/kube-aggregator /tmp/kube-aggregator
//   node scripts/protobuf-extract.mjs --api /tmp/api --apimachinery /tmp/apimachinery --aggregator /tmp/kube-aggregator
// A newly served group-version is one line in PACKAGES and GROUP_VERSIONS below, then a re-run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseGoPackage } from './protobuf-gotypes.mjs';

const require = createRequire(import.meta.url);
const protobuf = require('protobufjs');

/** Short package keys → Go import paths. */
export const PACKAGES = {
  'core/v1': 'k8s.io/api/core/v1', 'apps/v1': 'k8s.io/api/apps/v1', 'batch/v1': 'k8s.io/api/batch/v1',
  'rbac/v1': 'k8s.io/api/rbac/v1', 'networking/v1': 'k8s.io/api/networking/v1', 'storage/v1': 'k8s.io/api/storage/v1',
  'policy/v1': 'k8s.io/api/policy/v1', 'coordination/v1': 'k8s.io/api/coordination/v1',
  'scheduling/v1': 'k8s.io/api/scheduling/v1', 'autoscaling/v1': 'k8s.io/api/autoscaling/v1',
  'autoscaling/v2': 'k8s.io/api/autoscaling/v2', 'discovery/v1': 'k8s.io/api/discovery/v1',
  'certificates/v1': 'k8s.io/api/certificates/v1', 'authentication/v1': 'k8s.io/api/authentication/v1',
  'authorization/v1': 'k8s.io/api/authorization/v1', 'events/v1': 'k8s.io/api/events/v1',
  'meta/v1': 'k8s.io/apimachinery/pkg/apis/meta/v1', runtime: 'k8s.io/apimachinery/pkg/runtime',
  resource: 'k8s.io/apimachinery/pkg/api/resource', intstr: 'k8s.io/apimachinery/pkg/util/intstr',
  schema: 'k8s.io/apimachinery/pkg/runtime/schema',
  'apiregistration/v1': 'k8s.io/kube-aggregator/pkg/apis/apiregistration/v1',
  'admissionregistration/v1': 'k8s.io/api/admissionregistration/v1', 'node/v1': 'k8s.io/api/node/v1',
  'flowcontrol/v1': 'k8s.io/api/flowcontrol/v1',
};

/** The group-versions the apiserver serves → the package of their kinds. */
export const GROUP_VERSIONS = {
  v1: 'core/v1', 'apps/v1': 'apps/v1', 'batch/v1': 'batch/v1', 'rbac.authorization.k8s.io/v1': 'rbac/v1',
  'networking.k8s.io/v1': 'networking/v1', 'storage.k8s.io/v1': 'storage/v1', 'policy/v1': 'policy/v1',
  'coordination.k8s.io/v1': 'coordination/v1', 'scheduling.k8s.io/v1': 'scheduling/v1',
  'autoscaling/v1': 'autoscaling/v1', 'autoscaling/v2': 'autoscaling/v2', 'discovery.k8s.io/v1': 'discovery/v1',
  'certificates.k8s.io/v1': 'certificates/v1', 'authentication.k8s.io/v1': 'authentication/v1',
  'authorization.k8s.io/v1': 'authorization/v1', 'events.k8s.io/v1': 'events/v1', 'meta.k8s.io/v1': 'meta/v1',
  'apiregistration.k8s.io/v1': 'apiregistration/v1', 'admissionregistration.k8s.io/v1': 'admissionregistration/v1',
  'node.k8s.io/v1': 'node/v1', 'flowcontrol.apiserver.k8s.io/v1': 'flowcontrol/v1',
};

/** meta/v1 kinds registered in every group-version (metav1.AddToGroupVersion's option types). */
export const META_KINDS = ['DeleteOptions'];

/** Types with their own proto and JSON marshaling. */
export const SPECIAL = {
  'meta/v1.Time': '@time', 'meta/v1.MicroTime': '@microtime', 'meta/v1.Duration': '@duration',
  'resource.Quantity': '@quantity', 'intstr.IntOrString': '@intorstring', 'runtime.RawExtension': '@raw',
  'meta/v1.FieldsV1': '@raw',
};

const protoPackage = (pkg) => PACKAGES[pkg].replace(/\//g, '.').replace(/-/g, '_');
const keyOfProtoPackage = new Map(Object.keys(PACKAGES).map((k) => [protoPackage(k), k]));

export function loadProtos(roots) {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    const base = Object.keys(roots).find((r) => target.startsWith(`${r}/`));
    return base ? join(roots[base], target.slice(base.length + 1)) : target;
  };
  root.loadSync(Object.values(PACKAGES).map((p) => `${p}/generated.proto`), { keepCase: true });
  root.resolveAll();
  return root;
}

/** `.k8s.io.api.apps.v1.Deployment` → `apps/v1.Deployment` */
function keyOfType(type) {
  const pkg = keyOfProtoPackage.get(type.parent.fullName.slice(1));
  if (!pkg) throw new Error(`message ${type.fullName} is outside the extracted packages`);
  return `${pkg}.${type.name}`;
}

const ucfirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function fieldType(pf, enqueue) {
  if (!pf.resolvedType) return pf.type;
  if (pf.resolvedType instanceof protobuf.Enum) throw new Error(`enum field ${pf.fullName}`);
  const key = keyOfType(pf.resolvedType);
  if (SPECIAL[key]) return SPECIAL[key];
  enqueue(key);
  return key;
}

function protoField(goField, msg, where) {
  const [wire, num, ...rest] = goField.tags.protobuf.split(',');
  const name = rest.find((p) => p.startsWith('name='))?.slice(5) ?? goField.name.charAt(0).toLowerCase() + goField.name.slice(1);
  const pf = msg.fieldsById[Number(num)];
  if (!pf || pf.name !== name) throw new Error(`${where}.${goField.name}: protobuf tag ${goField.tags.protobuf} does not match ${msg.fullName}`);
  if (pf.map && pf.keyType !== 'string') throw new Error(`${where}.${goField.name}: map key ${pf.keyType}`);
  if (wire === 'bytes' && pf.type === 'bytes' && !/^\*?\[\]byte$/.test(goField.type) && !pf.map && !pf.repeated) {
    throw new Error(`${where}.${goField.name}: bytes field of Go type ${goField.type}`);
  }
  return pf;
}

/** One Go struct field → [json, number, type, flags, goName?], or undefined when JSON skips it. */
function fieldRow(goField, msg, where, enqueue) {
  if (goField.bad) throw new Error(`${where}: cannot read field ${goField.bad}`);
  const [jsonName = '', ...opts] = (goField.tags.json ?? '').split(',');
  if (jsonName === '-') return undefined;
  if (!goField.tags.protobuf) {
    if (goField.embedded && goField.name === 'TypeMeta') return ['', 0, '@typemeta', 'i'];
    throw new Error(`${where}.${goField.name}: a JSON field without a protobuf tag`);
  }
  const pf = protoField(goField, msg, where);
  const inline = goField.embedded && jsonName === '';
  if (inline && goField.type.startsWith('*')) throw new Error(`${where}.${goField.name}: an inline pointer (encoding/json skips it when nil)`);
  const json = jsonName || (inline ? '' : goField.name);
  const flags = [pf.repeated && !pf.map && 'r', pf.map && 'm', goField.type.startsWith('*') && 'p', opts.includes('omitempty') && 'o', inline && 'i'];
  const row = [json, pf.id, fieldType(pf, enqueue), flags.filter(Boolean).join('')];
  if (goField.name !== ucfirst(json)) row.push(goField.name);
  return row;
}

function goPackages(roots) {
  const out = new Map();
  for (const [key, path] of Object.entries(PACKAGES)) {
    const base = Object.keys(roots).find((r) => path.startsWith(`${r}/`));
    out.set(key, parseGoPackage(join(roots[base], path.slice(base.length + 1))));
  }
  return out;
}

/** A message's rows, or "list:<elem>" for a named Go slice wrapped as { repeated items = 1 }. */
function messageRows(key, root, goPkgs, enqueue) {
  const [pkg, name] = key.split('.');
  const msg = root.lookupType(`${protoPackage(pkg)}.${name}`);
  const go = goPkgs.get(pkg);
  const fields = go.structs.get(name);
  if (fields) {
    const rows = fields.map((f) => fieldRow(f, msg, key, enqueue)).filter(Boolean);
    const covered = new Set([...rows.map((r) => r[1]), ...fields.filter((g) => g.tags.json === '-').map((g) => Number(g.tags.protobuf?.split(',')[1]))]);
    const lost = msg.fieldsArray.filter((f) => !covered.has(f.id));
    if (lost.length) throw new Error(`${key}: proto fields without a Go field: ${lost.map((f) => f.name)}`);
    return rows;
  }
  const named = go.named.get(name);
  const items = msg.fieldsById[1];
  if (named?.startsWith('[]') && items?.name === 'items' && items.repeated && msg.fieldsArray.length === 1) {
    return `list:${fieldType(items, enqueue)}`;
  }
  throw new Error(`${key}: no Go struct or slice type`);
}

/** Kinds of a package: its structs that embed TypeMeta first (runtime.Objects). */
function kindsOf(go) {
  return [...go.structs].filter(([, f]) => f[0]?.embedded && f[0].name === 'TypeMeta').map(([n]) => n).sort();
}

export function extract(roots) {
  const root = loadProtos(roots);
  const goPkgs = goPackages(roots);
  const kinds = {};
  const messages = {};
  const queue = [];
  const enqueue = (k) => { if (!(k in messages) && !queue.includes(k)) queue.push(k); };
  for (const pkg of new Set(Object.values(GROUP_VERSIONS))) {
    const all = pkg === 'meta/v1' ? META_KINDS : kindsOf(goPkgs.get(pkg));
    kinds[pkg] = all.filter((k) => root.lookup(`${protoPackage(pkg)}.${k}`));
    kinds[pkg].forEach((k) => enqueue(`${pkg}.${k}`));
  }
  while (queue.length) {
    const key = queue.shift();
    messages[key] = messageRows(key, root, goPkgs, enqueue);
  }
  const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { kubernetes: 'v1.32.4', groupVersions: GROUP_VERSIONS, metaKinds: META_KINDS, kinds, messages: sorted };
}

function main() {
  const { values } = parseArgs({ options: { api: { type: 'string' }, apimachinery: { type: 'string' }, aggregator: { type: 'string' }, out: { type: 'string' } } });
  if (!values.api || !values.apimachinery || !values.aggregator) throw new Error('usage: protobuf-extract.mjs --api <k8s.io/api checkout> --apimachinery <k8s.io/apimachinery checkout> --aggregator <k8s.io/kube-aggregator checkout> [--out file]');
  const out = values.out ?? 'fixtures/protobuf/kube-v1.32-protobuf.json';
  const data = extract({ 'k8s.io/api': values.api, 'k8s.io/apimachinery': values.apimachinery, 'k8s.io/kube-aggregator': values.aggregator });
  const text = `{\n${Object.entries(data).map(([k, v]) => `"${k}":${k === 'messages' ? messagesText(v) : JSON.stringify(v)}`).join(',\n')}\n}\n`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`${out}: ${Object.keys(data.messages).length} messages, ${text.length} bytes`);
}

/** One message a line, so a regenerated file diffs by message. */
function messagesText(messages) {
  return `{\n${Object.entries(messages).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n')}\n}`;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
