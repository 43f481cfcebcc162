// etcd's v3 protocol: rpc.proto from the etcd3 package, loaded with @grpc/proto-loader. Loaded
// only by commands that dial, so `etcdctl version` and help never pay for gRPC.
import type * as GrpcJs from '@grpc/grpc-js';
import { loadGrpcModules } from '../../../../client/grpc-modules.js';
import { etcdServiceLoader } from '../../../../etcd/grpc/descriptor.js';
import type { PackageDefinition } from '@grpc/proto-loader';

export type Grpc = typeof GrpcJs;

export interface EtcdProto {
  grpc: Grpc;
  /** the definitions of the services used so far, and of their types (what the printers read) */
  def: PackageDefinition;
  /** a service's constructor by name (KV, Watch, Lease, Cluster, Maintenance, Auth); its part of
   * rpc.proto is loaded on first use */
  service(name: string): GrpcJs.ServiceClientConstructor;
}

/**
 * keepCase: the proto field names are exactly the JSON names Go prints (`cluster_id` but
 * `dbSize`, `peerURLs`), and keepCase false would lose them (descriptors included). 64-bit
 * integers stay strings (IDs exceed 2^53); bytes are Buffers; absent fields stay absent.
 */
export const LOADER_OPTIONS = { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false };

export async function loadProto(): Promise<EtcdProto> {
  const [grpc, load] = await Promise.all([loadGrpcModules().then((m) => m.grpc), etcdServiceLoader(LOADER_OPTIONS)]);
  const def: PackageDefinition = {};
  const ctors = new Map<string, GrpcJs.ServiceClientConstructor>();
  const service = (name: string): GrpcJs.ServiceClientConstructor => {
    let ctor = ctors.get(name);
    if (ctor === undefined) {
      const part = load(name);
      Object.assign(def, part);
      const pkg = grpc.loadPackageDefinition(part) as unknown as { etcdserverpb: Record<string, GrpcJs.ServiceClientConstructor> };
      ctor = pkg.etcdserverpb[name]!;
      ctors.set(name, ctor);
    }
    return ctor;
  };
  return { grpc, def, service };
}

/** Encodes a message of `type` (e.g. `etcdserverpb.PutResponse`) as protobuf bytes. */
export function encodeMessage(proto: EtcdProto, service: string, method: string, message: object): Buffer {
  const svc = proto.def[`etcdserverpb.${service}`] as unknown as Record<string, { responseSerialize(m: object): Buffer }>;
  return svc[method]!.responseSerialize(message);
}
