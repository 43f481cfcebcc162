// dist/grpc.cjs: @grpc/grpc-js bundled into one CommonJS file, and dist/proto-loader.cjs,
// @grpc/proto-loader with protobuf.js; each with V8's code cache (<file>.cache) after a typical
// start-up has run (loading the etcd and CRI schemas, building clients and a server, one call).
// src/client/grpc-modules.ts loads them; the caches save compiling the functions a gRPC user runs
// on every start. etcdctl never loads proto-loader (scripts/etcd-codec.mjs), so it is a bundle of
// its own. Must be called after dist/*.json and dist/launch.cjs are written.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asciiOnly, launcher } from './code-cache.mjs';

const BUNDLES = { grpc: '@grpc/grpc-js', 'proto-loader': '@grpc/proto-loader' };

/**
 * One unary call over loopback (a KV Range answered by a server made here), so that a call's path
 * through grpc-js and http2, both ends, is in the cache too.
 */
async function roundTrip(grpc, def) {
  const KV = def['etcdserverpb.KV'];
  const server = new grpc.Server({ 'grpc.enable_channelz': 0 });
  const header = { cluster_id: '1', member_id: '2', revision: '3', raft_term: '4' };
  server.addService(KV, { Range: (_call, cb) => cb(null, { header, kvs: [{ key: Buffer.from('k'), value: Buffer.from('v'), create_revision: '3', mod_revision: '3', version: '1' }], count: '1' }) });
  const port = await new Promise((done, fail) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? fail(err) : done(p))));
  const Client = grpc.makeClientConstructor(KV, 'KV');
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  await new Promise((done, fail) => client.Range({ key: Buffer.from('k') }, new grpc.Metadata(), { deadline: Date.now() + 5000 }, (err) => (err ? fail(err) : done())));
  client.close();
  server.forceShutdown();
}

export async function buildGrpcBundle(dist) {
  const files = Object.fromEntries(Object.keys(BUNDLES).map((name) => [name, resolve(dist, `${name}.cjs`)]));
  await Promise.all(Object.entries(BUNDLES).map(([name, pkg]) => build({
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});\n`, resolveDir: process.cwd(), sourcefile: `${name}-entry.cjs`, loader: 'js' },
    outfile: files[name],
    // grpc-js requires proto-loader only for channelz, which we never enable
    external: name === 'grpc' ? ['@grpc/proto-loader'] : [],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  })));
  for (const file of Object.values(files)) asciiOnly(file);
  // compiled and run as src/client/grpc-modules.ts does (the same wrapper, so the same source)
  const { compileBundle, runBundle, codeCachePath } = launcher(dist);
  const scripts = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, compileBundle(file)]));
  const grpc = runBundle(files.grpc, scripts.grpc);
  const loader = runBundle(files['proto-loader'], scripts['proto-loader']);
  const json = (name) => JSON.parse(readFileSync(resolve(dist, name), 'utf8'));
  for (const [name, options] of [
    ['etcd-rpc.json', { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false }],
    ['etcd-rpc-camel.json', { keepCase: false, longs: String, defaults: true, oneofs: true }],
    ['cri-api.json', { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true }],
  ]) {
    const def = loader.fromJSON(json(name), options);
    grpc.loadPackageDefinition(def);
    const service = Object.values(def).find((d) => d.format === undefined);
    const Client = grpc.makeClientConstructor(service, 'Warm');
    new Client('127.0.0.1:1', grpc.credentials.createInsecure()).close();
  }
  new grpc.Metadata().set('token', 'x');
  await roundTrip(grpc, loader.fromJSON(json('etcd-rpc.json'), { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false }));
  for (const [name, file] of Object.entries(files)) writeFileSync(codeCachePath(file), scripts[name].createCachedData());
}
