// @grpc/grpc-js and @grpc/proto-loader, loaded once per process for every gRPC user (etcdctl, our
// etcd, crictl, the kubelets' CRI sockets). The build bundles the two into dist/grpc.cjs with a V8
// code cache of the functions a start-up runs (dist/grpc.cjs.cache): compiling ~1 MB of JavaScript
// is most of what loading them costs, and a dialing etcdctl or crictl pays it on every call. Node
// rejects a cache made by another V8 (another Node version) and compiles as usual; unbundled
// (tests), the packages are imported from node_modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as ProtoLoader from '@grpc/proto-loader';
import { importCjs, loadBundle } from './cjs.js';

export interface GrpcModules {
  grpc: typeof GrpcJs;
  loader: typeof ProtoLoader;
}

/** The bundle beside a bundled program in dist/ (its code cache is `<file>.cache`). */
function builtBundle(): string | undefined {
  const path = fileURLToPath(new URL('./grpc.cjs', import.meta.url));
  return existsSync(path) ? path : undefined;
}

let loaded: Promise<GrpcModules> | undefined;

export function loadGrpcModules(): Promise<GrpcModules> {
  loaded ??= (async () => {
    const bundle = builtBundle();
    if (bundle !== undefined) return loadBundle<GrpcModules>(bundle);
    const [grpc, loader] = await Promise.all([importCjs(import('@grpc/grpc-js')), importCjs(import('@grpc/proto-loader'))]);
    return { grpc, loader };
  })();
  return loaded;
}
