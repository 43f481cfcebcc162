// Where the apiserver sends a Service-backed webhook (the aggregator's ClusterIP resolver, what
// kube-apiserver uses without --enable-aggregator-routing): the service's ClusterIP and port, an
// ExternalName's host, or upstream's error. The simulated pods behind a ClusterIP run no webhook
// server and the host cannot reach the service network, so such a call is refused as a dial to a
// port nobody listens on is (`connect: connection refused`).
import type { ObjectStorage } from '../../storage/storage.js';
import { service } from '../../resources/service.js';
import type { ServiceResolver } from './client.js';

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  externalName?: string;
  ports?: { port?: number }[];
}

export function clusterIpResolver(storage: ObjectStorage): ServiceResolver {
  return async (namespace, name, port) => {
    const svc = await storage.tryGet(service, namespace, name);
    if (!svc) return new Error(`service "${name}" not found`);
    const spec = (svc.spec ?? {}) as ServiceSpec;
    const type = spec.type ?? 'ClusterIP';
    if (type === 'ClusterIP' && spec.clusterIP === 'None') return new Error('cannot route to service with ClusterIP "None"');
    if (type === 'ExternalName') return { host: spec.externalName ?? '', port };
    if (type !== 'ClusterIP' && type !== 'NodePort' && type !== 'LoadBalancer') return new Error(`unsupported service type ${JSON.stringify(type)}`);
    if (!(spec.ports ?? []).some((p) => p.port === port)) return new Error(`no service port ${port} found for service ${JSON.stringify(name)}`);
    return new Error(`dial tcp ${spec.clusterIP}:${port}: connect: connection refused`);
  };
}
