// dist/grpc.cjs: @grpc/grpc-js and @grpc/proto-loader bundled into one CommonJS file, and
// dist/grpc.cjs.cache, V8's code cache of it after a typical start-up has run (loading the etcd and
// CRI schemas, building clients and a server). src/client/grpc-modules.ts loads the pair; the
// cache saves compiling the functions a gRPC user runs on every start. Must be called after
// dist/*.json and dist/launch.cjs are written.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asciiOnly, launcher } from './code-cache.mjs';

const ENTRY = "module.exports = { grpc: require('@grpc/grpc-js'), loader: require('@grpc/proto-loader') };\n";

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
  const file = resolve(dist, 'grpc.cjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), sourcefile: 'grpc-entry.cjs', loader: 'js' },
    outfile: file,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  asciiOnly(file);
  // compiled and run as src/client/grpc-modules.ts does (the same wrapper, so the same source)
  const { compileBundle, runBundle, codeCachePath } = launcher(dist);
  const script = compileBundle(file);
  const { grpc, loader } = runBundle(file, script);
  const json = (name) => JSON.parse(readFileSync(resolve(dist, name), 'utf8'));
  for (const [name, options] of [
    ['etcd-rpc.json', { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false }],
    ['etcd-rpc-camel.json', { keepCase: false, longs: String, defaults: true, oneofs: true }],
    ['cri-api.json', { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true }],
  ]) {
    const def = loader.fromJSON(json(name), options);
    const pkg = grpc.loadPackageDefinition(def);
    const service = Object.values(def).find((d) => d.format === undefined);
    const Client = grpc.makeClientConstructor(service, 'Warm');
    new Client('127.0.0.1:1', grpc.credentials.createInsecure()).close();
    void pkg;
  }
  new grpc.Metadata().set('token', 'x');
  await roundTrip(grpc, loader.fromJSON(json('etcd-rpc.json'), { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false }));
  writeFileSync(codeCachePath(file), script.createCachedData());
}
