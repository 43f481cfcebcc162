// etcd's v3 protocol: rpc.proto from the etcd3 package, loaded with @grpc/proto-loader. Loaded
// only by commands that dial, so `etcdctl version` and help never pay for gRPC.
import type * as GrpcJs from '@grpc/grpc-js';
import { importCjs, loadEtcdDefinition } from '../../../../etcd/grpc/descriptor.js';
import type { PackageDefinition } from '@grpc/proto-loader';

export type Grpc = typeof GrpcJs;

export interface EtcdProto {
  grpc: Grpc;
  def: PackageDefinition;
  /** service constructors by name (KV, Watch, Lease, Cluster, Maintenance, Auth) */
  services: Record<string, GrpcJs.ServiceClientConstructor>;
}

/**
 * keepCase: the proto field names are exactly the JSON names Go prints (`cluster_id` but
 * `dbSize`, `peerURLs`), and keepCase false would lose them (descriptors included). 64-bit
 * integers stay strings (IDs exceed 2^53); bytes are Buffers; absent fields stay absent.
 */
export const LOADER_OPTIONS = { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: false };

export async function loadProto(): Promise<EtcdProto> {
  const [grpc, def] = await Promise.all([importCjs(import('@grpc/grpc-js')), loadEtcdDefinition(LOADER_OPTIONS)]);
  const pkg = grpc.loadPackageDefinition(def) as unknown as { etcdserverpb: Record<string, GrpcJs.ServiceClientConstructor> };
  return { grpc, def, services: pkg.etcdserverpb };
}

/** Encodes a message of `type` (e.g. `etcdserverpb.PutResponse`) as protobuf bytes. */
export function encodeMessage(proto: EtcdProto, service: string, method: string, message: object): Buffer {
  const svc = proto.def[`etcdserverpb.${service}`] as unknown as Record<string, { responseSerialize(m: object): Buffer }>;
  return svc[method]!.responseSerialize(message);
}
