// Bundles each binary's entry point into dist/. Code splitting keeps a call cheap: a command's
// module (and heavy dependencies such as gRPC) is a separate chunk loaded only when it runs.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

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
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
