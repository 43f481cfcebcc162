// @grpc/grpc-js and @grpc/proto-loader, loaded once per process for every gRPC user (etcdctl, our
// etcd, crictl, the kubelets' CRI sockets). The build bundles each into one file (dist/grpc.cjs,
// dist/proto-loader.cjs) with a V8 code cache of the functions a start-up runs: compiling ~1 MB of
// JavaScript is most of what loading them costs, and a dialing etcdctl or crictl pays it on every
// call. proto-loader is loaded on first use (etcdctl never uses it). Node rejects a cache made by
// another V8 (another Node version) and compiles as usual; unbundled (tests), the packages are
// imported from node_modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as ProtoLoader from '@grpc/proto-loader';
import { importCjs, loadBundle } from './cjs.js';

export interface GrpcModules {
  grpc: typeof GrpcJs;
  /** loaded when first read */
  readonly loader: typeof ProtoLoader;
}

/** A bundle beside a bundled program in dist/ (its code cache is `<file>.cache`). */
function builtBundle(name: string): string | undefined {
  const path = fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

let loaded: Promise<GrpcModules> | undefined;

export function loadGrpcModules(): Promise<GrpcModules> {
  loaded ??= (async () => {
    const grpcBundle = builtBundle('grpc');
    const loaderBundle = builtBundle('proto-loader');
    if (grpcBundle !== undefined && loaderBundle !== undefined) {
      const grpc = loadBundle<typeof GrpcJs>(grpcBundle);
      let loader: typeof ProtoLoader | undefined;
      return { grpc, get loader() { return (loader ??= loadBundle<typeof ProtoLoader>(loaderBundle)); } };
    }
    const [grpc, loader] = await Promise.all([importCjs(import('@grpc/grpc-js')), importCjs(import('@grpc/proto-loader'))]);
    return { grpc, loader };
  })();
  return loaded;
}
