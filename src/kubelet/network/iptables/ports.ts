// The Service ports kube-proxy programs on one node, as its servicePortInfo/endpointInfo hold
// them (pkg/proxy/serviceport.go, endpoint.go, topology.go CategorizeEndpoints, v1.32): Services
// with a cluster IP (not headless, not ExternalName), each port with its ready endpoints sorted
// by "ip:port" (the order real dumps show), which of them run on this node, and the policies.
import { readyBackends } from '../endpoints.js';
import type { NetSnapshot, Service, ServicePort } from '../types.js';
import { sepChain, servicePortName } from './names.js';

export interface ProxyEndpoint {
  /** "ip:port", what the DNAT rule sends to. */
  addr: string;
  ip: string;
  local: boolean;
  chain: string;
}

export interface ProxyPort {
  spn: string;
  /** Lower case: tcp, udp, sctp. */
  protocol: string;
  clusterIP: string;
  port: number;
  nodePort: number | undefined;
  internalLocal: boolean;
  /** externalTrafficPolicy: Local on an externally accessible (NodePort) port. */
  externalLocal: boolean;
  /** ClientIP session affinity's timeout, when the Service has it. */
  stickySeconds: number | undefined;
  endpoints: ProxyEndpoint[];
}

const DEFAULT_STICKY_S = 10800;

function clusterIPOf(svc: Service): string | undefined {
  const ip = svc.spec?.clusterIP;
  if (svc.spec?.type === 'ExternalName' || !ip || ip === 'None') return undefined;
  return ip;
}

function endpointsOf(snap: NetSnapshot, svc: Service, sp: ServicePort, spn: string, protocol: string, node: string): ProxyEndpoint[] {
  const onNode = new Set(snap.pods.filter((p) => p.spec?.nodeName === node && p.status?.podIP).map((p) => p.status!.podIP!));
  const addrs = [...new Set(readyBackends(snap, svc, sp).map((b) => `${b.ip}:${b.port}`))].sort();
  return addrs.map((addr) => {
    const ip = addr.slice(0, addr.lastIndexOf(':'));
    return { addr, ip, local: onNode.has(ip), chain: sepChain(spn, protocol, addr) };
  });
}

function portOf(snap: NetSnapshot, svc: Service, sp: ServicePort, clusterIP: string, node: string): ProxyPort {
  const spec = svc.spec ?? {};
  const spn = servicePortName(svc.metadata.namespace ?? 'default', svc.metadata.name ?? '', sp.name);
  const protocol = (sp.protocol ?? 'TCP').toLowerCase();
  const nodePort = spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? sp.nodePort : undefined;
  return {
    spn,
    protocol,
    clusterIP,
    port: sp.port,
    nodePort,
    internalLocal: spec.internalTrafficPolicy === 'Local',
    externalLocal: nodePort !== undefined && spec.externalTrafficPolicy === 'Local',
    stickySeconds: spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_S) : undefined,
    endpoints: endpointsOf(snap, svc, sp, spn, protocol, node),
  };
}

/** The node's Service ports, sorted by name (kube-proxy walks a Go map: any order is real). */
export function proxyPorts(snap: NetSnapshot, node: string): ProxyPort[] {
  const out: ProxyPort[] = [];
  for (const svc of snap.services) {
    const ip = clusterIPOf(svc);
    if (!ip) continue;
    for (const sp of svc.spec?.ports ?? []) out.push(portOf(snap, svc, sp, ip, node));
  }
  return out.sort((a, b) => (a.spn + a.protocol < b.spn + b.protocol ? -1 : a.spn + a.protocol > b.spn + b.protocol ? 1 : 0));
}
