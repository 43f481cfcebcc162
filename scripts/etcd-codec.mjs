// dist/etcd-codec.cjs: etcd's rpc.proto as static protobuf.js code (pbjs -t static-module, from
// protobufjs-cli), bundled with protobufjs/minimal and long, with a V8 code cache; and
// dist/etcd-rpc-types.json, the services' methods and the messages' descriptors as proto-loader
// gives them (what etcdctl's printers walk). etcdctl builds its gRPC service definitions from the
// pair (src/etcd/grpc/static-codec.ts) instead of loading @grpc/proto-loader: proto-loader makes
// protobuf.js build a reflection tree, descriptors and, on first use, each type's encoder and
// decoder with `new Function`, none of which a code cache keeps. The static code is the very
// code protobuf.js generates at run time (pbjs emits its converter and codec generators' output),
// so what is sent and decoded is the same. Must be called after dist/etcd-rpc.json and
// dist/launch.cjs are written.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { asciiOnly, launcher } from './code-cache.mjs';

const require = createRequire(import.meta.url);

/** etcdctl's proto-loader options (src/cli/etcdctl/v3/client/proto.ts, LOADER_OPTIONS). */
const OPTIONS = { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false };
const MESSAGE = 'Protocol Buffer 3 DescriptorProto';

function pbjs(args) {
  return new Promise((done, fail) => require('protobufjs-cli').pbjs.main(args, (err, out) => (err ? fail(err) : done(out))));
}

/** A message descriptor with what the printers read (src/cli/shared/proto-descriptor.ts). */
function trimmed(type) {
  return { name: type.name, field: type.field.map(({ name, type: t, typeName, label }) => ({ name, type: t, typeName, label })) };
}

/** The services and messages of the package definition proto-loader makes for etcdctl. */
function rpcTypes(dist) {
  const json = JSON.parse(readFileSync(resolve(dist, 'etcd-rpc.json'), 'utf8'));
  const def = require('@grpc/proto-loader').fromJSON(json, OPTIONS);
  const root = require('protobufjs').Root.fromJSON(json);
  const messages = {};
  const services = {};
  for (const [name, entry] of Object.entries(def)) {
    if (entry.format === MESSAGE) messages[name] = trimmed(entry.type);
    else if (entry.format === undefined) {
      const rpcs = root.lookupService(name);
      rpcs.resolveAll();
      const nameOf = (t) => t.fullName.slice(1);
      services[name] = Object.fromEntries(Object.entries(entry).map(([method, m]) => [method, {
        path: m.path,
        requestStream: m.requestStream,
        responseStream: m.responseStream,
        originalName: m.originalName,
        requestType: nameOf(rpcs.methods[method].resolvedRequestType),
        responseType: nameOf(rpcs.methods[method].resolvedResponseType),
      }]));
    }
  }
  return { messages, services };
}

/** The static classes a dialing `etcdctl get`/`put`/`del`/`txn` runs, so the cache holds their code. */
function warmUp(root, types) {
  const find = (name) => name.split('.').reduce((o, p) => o[p], root);
  const names = new Set(['etcdserverpb.ResponseHeader', 'mvccpb.KeyValue', 'etcdserverpb.RequestOp', 'etcdserverpb.ResponseOp', 'etcdserverpb.Compare']);
  for (const m of Object.values(types.services['etcdserverpb.KV'])) names.add(m.requestType).add(m.responseType);
  for (const name of names) {
    const C = find(name);
    C.toObject(C.decode(C.encode(C.fromObject({})).finish()), OPTIONS);
  }
}

export async function buildEtcdCodec(dist) {
  const types = rpcTypes(dist);
  writeFileSync(resolve(dist, 'etcd-rpc-types.json'), JSON.stringify(types));
  const tmp = mkdtempSync(join(tmpdir(), 'kubedojo-etcd-codec-'));
  const generated = join(tmp, 'etcd-static.cjs');
  await pbjs(['-t', 'static-module', '-w', 'commonjs', '--keep-case', '--no-create', '--no-verify', '--no-delimited', '--no-typeurl',
    '--no-beautify', '--no-comments', '--no-service', '-o', generated, require.resolve('etcd3/proto/rpc.proto')]);
  const file = resolve(dist, 'etcd-codec.cjs');
  // protobuf.js finds `long` with an eval'd require a bundler cannot see: given here, 64-bit
  // integers decode exactly (IDs exceed 2^53)
  const entry = "const $protobuf = require('protobufjs/minimal');\n$protobuf.util.Long = require('long');\n$protobuf.configure();\n"
    + `module.exports = require(${JSON.stringify(generated)});\n`;
  try {
    await build({
      stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'etcd-codec-entry.cjs', loader: 'js' },
      outfile: file, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning',
      // the generated file's require('protobufjs/minimal') resolves from here, not from the temporary directory
      nodePaths: [resolve('node_modules')],
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  asciiOnly(file);
  const { compileBundle, runBundle, codeCachePath } = launcher(dist);
  const script = compileBundle(file);
  warmUp(runBundle(file, script), types);
  writeFileSync(codeCachePath(file), script.createCachedData());
}
