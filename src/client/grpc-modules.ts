// @grpc/grpc-js and @grpc/proto-loader, loaded once per process for every gRPC user (etcdctl, our
// etcd, crictl, the kubelets' CRI sockets). The build bundles the two into dist/grpc.cjs with a V8
// code cache of the functions a start-up runs (dist/grpc.cjs.cache): compiling ~1 MB of JavaScript
// is most of what loading them costs, and a dialing etcdctl or crictl pays it on every call. Node
// rejects a cache made by another V8 (another Node version) and compiles as usual; unbundled
// (tests), the packages are imported from node_modules.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type * as GrpcJs from '@grpc/grpc-js';
import type * as ProtoLoader from '@grpc/proto-loader';
import { importCjs } from './cjs.js';

export interface GrpcModules {
  grpc: typeof GrpcJs;
  loader: typeof ProtoLoader;
}

/** Where the build writes the bundle, relative to dist/ (its code cache is `<file>.cache`). */
const GRPC_BUNDLE = 'grpc.cjs';

function builtBundle(): string | undefined {
  for (const rel of [`./${GRPC_BUNDLE}`, `../${GRPC_BUNDLE}`]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Wraps CommonJS source as Node does, so the compiled function takes the module's variables. */
function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** Runs the bundle as a CommonJS module, compiled with its code cache when V8 accepts it. */
function runBundle(file: string, cachedData?: Buffer): { exports: GrpcModules; script: vm.Script } {
  const script = new vm.Script(wrapCommonJs(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as GrpcModules };
  (script.runInThisContext() as Function)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

let loaded: Promise<GrpcModules> | undefined;

export function loadGrpcModules(): Promise<GrpcModules> {
  loaded ??= (async () => {
    const bundle = builtBundle();
    if (bundle !== undefined) {
      const cache = `${bundle}.cache`;
      return runBundle(bundle, existsSync(cache) ? readFileSync(cache) : undefined).exports;
    }
    const [grpc, loader] = await Promise.all([importCjs(import('@grpc/grpc-js')), importCjs(import('@grpc/proto-loader'))]);
    return { grpc, loader };
  })();
  return loaded;
}
