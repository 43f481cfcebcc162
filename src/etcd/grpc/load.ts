// Loads gRPC and etcd's protocol definitions (the rpc.proto that ships in the etcd3 package) on
// demand: only a process that serves or dials etcd pays for them. Enums stay numbers: this copy of
// the .proto spells enum values in its own case, but the wire carries only their numbers.
import type * as GrpcJs from '@grpc/grpc-js';
import { loadGrpcModules } from '../../client/grpc-modules.js';
import { loadEtcdDefinition } from './descriptor.js';

export interface EtcdProto {
  grpc: typeof GrpcJs;
  /** Service definitions by name: KV, Watch, Lease, Cluster, Maintenance, Auth. */
  services: Record<string, GrpcJs.ServiceDefinition>;
}

let loaded: Promise<EtcdProto> | undefined;

export function loadEtcdProto(): Promise<EtcdProto> {
  loaded ??= (async () => {
    const [grpc, def] = await Promise.all([loadGrpcModules().then((m) => m.grpc), loadEtcdDefinition({ keepCase: false, longs: String, defaults: true, oneofs: true })]);
    const services: Record<string, GrpcJs.ServiceDefinition> = {};
    for (const name of ['KV', 'Watch', 'Lease', 'Cluster', 'Maintenance', 'Auth']) {
      services[name] = def[`etcdserverpb.${name}`] as GrpcJs.ServiceDefinition;
    }
    return { grpc, services };
  })();
  return loaded;
}
