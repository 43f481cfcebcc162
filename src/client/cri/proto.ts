// Where the CRI schema (api.proto) is and how it is loaded. Unbundled (tests, tsx) it sits next to
// this file; bundled, the build copies it to dist/cri-api.proto, beside the bundle, which is looked
// for first.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as GrpcJs from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { loadGrpcModules } from '../grpc-modules.js';

/** File name of the schema in dist/ when bundled. */
export const CRI_BUNDLED_PROTO = 'cri-api.proto';
/** The schema the build parsed into JSON (camelCased, as CRI_LOADER_OPTIONS load it). */
export const CRI_BUNDLED_JSON = 'cri-api.json';

function findBuiltJson(): string | undefined {
  return besideModule([`./${CRI_BUNDLED_JSON}`]);
}

/** The first of `names` next to this module (bundled: in dist/). */
function besideModule(names: string[]): string | undefined {
  for (const rel of names) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

function findProto(): string {
  return besideModule([`./${CRI_BUNDLED_PROTO}`, './api.proto']) ?? fileURLToPath(new URL('./api.proto', import.meta.url));
}

/** Absolute path of the CRI runtime.v1 .proto this process loads. */
export const CRI_PROTO_PATH = findProto();

/** The loader options types.ts describes: lowerCamel fields, int64 as strings, enum names. */
export const CRI_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  bytes: Buffer,
} as const;

export type Grpc = typeof GrpcJs;

export interface CriProto {
  grpc: Grpc;
  def: PackageDefinition;
  runtimeService: GrpcJs.ServiceClientConstructor;
  imageService: GrpcJs.ServiceClientConstructor;
}

let cached: Promise<CriProto> | undefined;

/** Loads grpc-js and the schema once per process. */
export function loadCriProto(): Promise<CriProto> {
  cached ??= (async () => {
    const { grpc, loader } = await loadGrpcModules();
    const built = findBuiltJson();
    const def = built
      ? loader.fromJSON(JSON.parse(readFileSync(built, 'utf8')) as Record<string, unknown>, { ...CRI_LOADER_OPTIONS })
      : loader.loadSync(CRI_PROTO_PATH, { ...CRI_LOADER_OPTIONS });
    const pkg = grpc.loadPackageDefinition(def) as unknown as {
      runtime: { v1: Record<string, GrpcJs.ServiceClientConstructor> };
    };
    const runtimeService = pkg.runtime.v1.RuntimeService;
    const imageService = pkg.runtime.v1.ImageService;
    if (!runtimeService || !imageService) throw new Error(`${CRI_PROTO_PATH}: CRI services missing`);
    return { grpc, def, runtimeService, imageService };
  })();
  return cached;
}
