// Bundles each binary's entry point into dist/. Code splitting keeps a call cheap: a command's
// module (and heavy dependencies such as gRPC) is a separate chunk loaded only when it runs.
// Dependencies are bundled too (resolving and loading hundreds of CommonJS files is most of a
// cold start), except better-sqlite3, a native addon, and just-bash's optional compressors. etcd's rpc.proto is parsed here, once, into
// dist/etcd-rpc.json (see src/etcd/grpc/descriptor.ts); the CRI schema is copied to dist/cri-api.proto
// (loaded by src/client/cri/proto.ts, for crictl and the kubelets' runtime sockets).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildGrpcBundle } from './grpc-bundle.mjs';

const require = createRequire(import.meta.url);
const entries = {
  etcdctl: 'src/cli/etcdctl/main.ts',
  etcd: 'src/etcd/main.ts',
  kubectl: 'src/cli/kubectl/main.ts',
  crictl: 'src/cli/crictl/main.ts',
  kubedojo: 'src/cli/kubedojo/main.ts',
};
const present = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: present,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // just-bash loads these optional compressors on demand (tar --zstd/--xz); we do not ship them.
  // gRPC is loaded from its own bundle, dist/grpc.cjs (scripts/grpc-bundle.mjs).
  external: ['better-sqlite3', '@mongodb-js/zstd', 'node-liblzma', '@grpc/grpc-js', '@grpc/proto-loader'],
  // Bundled CommonJS code calls require() for Node's built-ins.
  banner: { js: "import { createRequire as __kdRequire } from 'node:module'; const require = __kdRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});

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
