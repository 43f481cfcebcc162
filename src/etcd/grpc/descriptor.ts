// etcd's rpc.proto (from the etcd3 package) as a proto-loader package definition. The build parses
// the .proto once into dist/etcd-rpc.json; a bundled program loads that JSON instead of parsing
// the text again (most of a dialing etcdctl call's start-up). Unbundled (tests), it parses. A client
// loads each service it calls on its own (subset.ts).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options, PackageDefinition } from '@grpc/proto-loader';
import { loadGrpcModules } from '../../client/grpc-modules.js';
import { serviceSubset, type JsonNode } from './subset.js';
import { staticServiceLoader } from './static-codec.js';

/** Where the build writes the descriptors, relative to dist/: field names as in the .proto
 * (keepCase, what etcdctl's JSON printer needs) or camelCased (what the server's code reads). */
export const DESCRIPTOR_FILES = { keepCase: 'etcd-rpc.json', camelCase: 'etcd-rpc-camel.json' } as const;

function builtDescriptor(keepCase: boolean): string | undefined {
  const file = keepCase ? DESCRIPTOR_FILES.keepCase : DESCRIPTOR_FILES.camelCase;
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

export function protoFile(): string {
  return createRequire(import.meta.url).resolve('etcd3/proto/rpc.proto');
}

export async function loadEtcdDefinition(options: Options): Promise<PackageDefinition> {
  const { loader } = await loadGrpcModules();
  const built = builtDescriptor(options.keepCase === true);
  if (built) return loader.fromJSON(JSON.parse(readFileSync(built, 'utf8')), options);
  return loader.loadSync(protoFile(), options);
}

/** One service's definition (with the types it reaches) per call: bundled, from the build's static
 * code when the field names are kept (etcdctl's), else from the built JSON; unbundled, the whole
 * parsed .proto, which holds every service. */
export async function etcdServiceLoader(options: Options): Promise<(service: string) => PackageDefinition> {
  const fromStatic = options.keepCase === true ? staticServiceLoader(options) : undefined;
  if (fromStatic !== undefined) return fromStatic;
  const { loader } = await loadGrpcModules();
  const built = builtDescriptor(options.keepCase === true);
  if (built === undefined) {
    let all: PackageDefinition | undefined;
    return () => (all ??= loader.loadSync(protoFile(), options));
  }
  const json = JSON.parse(readFileSync(built, 'utf8')) as JsonNode;
  return (service) => loader.fromJSON(serviceSubset(json, `etcdserverpb.${service}`), options);
}
