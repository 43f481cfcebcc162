// Bundles each program's entry point into one CommonJS file, dist/<name>.cjs, which bin/<name>
// runs through dist/launch.cjs with a V8 code cache (scripts/code-cache.mjs). Node 20 caches no
// compiled ES modules, and compiling is most of a cold start: loading the ~40 split ES chunks of a
// `kubectl get pods` took longer than reading one bundle whose cache covers the same path. A
// command's module is still evaluated only when it runs (esbuild initialises a dynamic import's
// modules lazily). Dependencies are bundled too, except better-sqlite3, a native addon,
// just-bash's optional compressors, and gRPC, which has its own bundle (dist/grpc.cjs,
// scripts/grpc-bundle.mjs). etcd's rpc.proto is parsed here, once, into dist/etcd-rpc.json (see
// src/etcd/grpc/descriptor.ts), and into static code for etcdctl (dist/etcd-codec.cjs,
// scripts/etcd-codec.mjs); the CRI schema is copied to dist/cri-api.proto (loaded by
// src/client/cri/proto.ts, for crictl and the kubelets' runtime sockets).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { asciiOnly, writeCodeCaches } from './code-cache.mjs';
import { buildGrpcBundle } from './grpc-bundle.mjs';
import { buildEtcdCodec } from './etcd-codec.mjs';

const require = createRequire(import.meta.url);
const entries = {
  etcdctl: 'src/cli/etcdctl/main.ts',
  etcd: 'src/etcd/main.ts',
  kubectl: 'src/cli/kubectl/main.ts',
  crictl: 'src/cli/crictl/main.ts',
  kubedojo: 'src/cli/kubedojo/main.ts',
};
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

// kubedojo's daemon (its hidden __daemon command) is a bundle of its own, dist/daemon.cjs, which
// the kubedojo bundle requires when it runs: the CLI's commands (up, status, down...) then read
// ~0.5 MB instead of the whole cluster's 8 MB.
const DAEMON = { from: 'src/cli/kubedojo/commands/daemon.ts', module: /^\.\.\/\.\.\/\.\.\/daemon\/run\.js$/ };
const daemonApart = {
  name: 'daemon-apart',
  setup(b) {
    b.onResolve({ filter: DAEMON.module }, (args) => (args.importer.endsWith(DAEMON.from) ? { path: './daemon.cjs', external: true } : undefined));
  },
};

rmSync('dist', { recursive: true, force: true });
const bundles = { launch: 'src/cli/shared/launch.ts', ...present, daemon: 'src/daemon/run.ts' };
await Promise.all(Object.entries(bundles).map(([name, entry]) => build({
  plugins: name === 'kubedojo' ? [daemonApart] : [],
  entryPoints: [entry],
  outfile: `dist/${name}.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // just-bash loads these optional compressors on demand (tar --zstd/--xz); we do not ship them.
  external: ['better-sqlite3', '@mongodb-js/zstd', 'node-liblzma', '@grpc/grpc-js', '@grpc/proto-loader'],
  // the sources are ES modules that find their data files from import.meta.url
  define: { 'import.meta.url': '__kdModuleUrl' },
  // import() of a module left out becomes require(): a bundle is compiled by vm.Script (the code
  // cache), which has no loader for import()
  supported: { 'dynamic-import': false },
  banner: { js: "const __kdModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  logLevel: 'warning',
})));
for (const name of Object.keys(bundles)) asciiOnly(`dist/${name}.cjs`);

const protobuf = require('protobufjs');
const descriptors = { 'etcd-rpc.json': true, 'etcd-rpc-camel.json': false };
mkdirSync('dist', { recursive: true });
for (const [file, keepCase] of Object.entries(descriptors)) {
  const root = new protobuf.Root();
  root.loadSync(require.resolve('etcd3/proto/rpc.proto'), { keepCase });
  writeFileSync(`dist/${file}`, JSON.stringify(root.toJSON({ keepComments: false })));
}
copyFileSync('src/client/cri/api.proto', 'dist/cri-api.proto');
// The CRI schema parsed once, camelCased as src/client/cri/proto.ts loads it: crictl and the kubelets
// load this JSON instead of parsing the .proto at every start.
const cri = new protobuf.Root();
cri.loadSync('src/client/cri/api.proto', { keepCase: false });
writeFileSync('dist/cri-api.json', JSON.stringify(cri.toJSON({ keepComments: false })));
await buildGrpcBundle('dist');
await buildEtcdCodec('dist');
await writeCodeCaches('dist', Object.keys(present));
