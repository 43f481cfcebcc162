// Where a TCP connection from a pod goes, as kube-proxy's rules and the pod network send it:
// a Service's ClusterIP:port or any node's IP:nodePort is DNAT'd to one of the Service's ready
// endpoints (targetPort); a Service port without a ready endpoint is REJECTed (connection
// refused); a pod IP is reached directly; anything else is dropped (the connection times out).
// NetworkPolicy decides last whether the packet may reach the pod (policy.ts).
import { readyBackends, type Backend } from './endpoints.js';
import { policyAllows, type Endpoint } from './policy.js';
import type { SessionAffinity } from './affinity.js';
import type { NetPod, NetSnapshot, Service, ServicePort } from './types.js';

export type Route =
  | { kind: 'pod'; pod: NetPod; ip: string; port: number }
  | { kind: 'refused' }
  | { kind: 'dropped' };

/** Who opens the connection. */
export interface Source {
  namespace: string;
  podIP: string;
}

/** Whether traffic may pass from source to the pod's port. */
export interface RoutePolicy {
  allows(from: Source, to: NetPod, port: number, protocol?: string): boolean;
}

/** The pod behind a source address (a host-network pod is the node, not a pod). */
export function sourceEndpoint(snap: NetSnapshot, from: Source): Endpoint {
  const pod = snap.pods.find((p) => p.status?.podIP === from.podIP && !p.spec?.hostNetwork && p.metadata.namespace === from.namespace);
  return { ip: from.podIP, pod };
}

/** The NetworkPolicies of the snapshot, as the pod network enforces them. */
export function snapshotPolicy(snap: NetSnapshot): RoutePolicy {
  return { allows: (from, to, port, protocol) => policyAllows(snap, sourceEndpoint(snap, from), { ip: to.status?.podIP ?? '', pod: to }, port, protocol) };
}

export interface RouteOptions {
  policy?: RoutePolicy;
  /** Picks one of n backends (kube-proxy's random probability rules). */
  pick?: (n: number) => number;
  /** ClientIP session affinity's memory (the node's kube-proxy rules). */
  affinity?: SessionAffinity;
}

const randomPick = (n: number): number => Math.floor(Math.random() * n);

export function route(snap: NetSnapshot, from: Source, ip: string, port: number, o: RouteOptions = {}): Route {
  const viaService = serviceTarget(snap, ip, port);
  let target: Backend | undefined;
  if (viaService) {
    const ready = readyBackends(snap, viaService.svc, viaService.port);
    if (!ready.length) return { kind: 'refused' };
    const backends = viaService.nodePort ? externalLocal(snap, viaService.svc, from, ip, ready) : nodeLocal(snap, viaService.svc, from, ready);
    if (!backends.length) return { kind: 'dropped' };
    const pick = () => backends[(o.pick ?? randomPick)(backends.length)];
    target = o.affinity ? o.affinity.choose(viaService.svc, viaService.port, from.podIP, backends, pick) : pick();
  } else {
    target = { ip, port };
  }
  if (!target) return { kind: 'refused' };
  return toPod(snap, from, target, o.policy ?? snapshotPolicy(snap));
}

function toPod(snap: NetSnapshot, from: Source, t: Backend, policy: RoutePolicy): Route {
  const pod = snap.pods.find((p) => p.status?.podIP === t.ip && !p.spec?.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  if (!pod) return isNodeIP(snap, t.ip) ? { kind: 'refused' } : { kind: 'dropped' };
  if (!policy.allows(from, pod, t.port)) return { kind: 'dropped' };
  return { kind: 'pod', pod, ip: t.ip, port: t.port };
}

const isNodeIP = (snap: NetSnapshot, ip: string): boolean => snap.nodes.some((n) => n.status?.addresses?.some((a) => a.address === ip));

/**
 * internalTrafficPolicy: Local — a ClusterIP connection only goes to endpoints on the client's
 * node; kube-proxy drops it when there are none ("has no local endpoints").
 */
function nodeLocal(snap: NetSnapshot, svc: Service, from: Source, backends: Backend[]): Backend[] {
  if (svc.spec?.internalTrafficPolicy !== 'Local') return backends;
  const node = sourceEndpoint(snap, from).pod?.spec?.nodeName;
  return backends.filter((b) => snap.pods.some((p) => p.status?.podIP === b.ip && p.spec?.nodeName === node));
}

/**
 * externalTrafficPolicy: Local on a NodePort, as kube-proxy's KUBE-EXT chain has it: traffic from
 * a pod, or from the receiving node itself (--src-type LOCAL), goes to any endpoint; traffic from
 * anywhere else (another node's host network) only to endpoints on the receiving node, and is
 * dropped when it has none.
 */
function externalLocal(snap: NetSnapshot, svc: Service, from: Source, nodeIP: string, backends: Backend[]): Backend[] {
  if (svc.spec?.externalTrafficPolicy !== 'Local' || sourceEndpoint(snap, from).pod) return backends;
  const node = snap.nodes.find((n) => n.status?.addresses?.some((a) => a.address === nodeIP));
  if (node?.status?.addresses?.some((a) => a.address === from.podIP)) return backends;
  return backends.filter((b) => snap.pods.some((p) => p.status?.podIP === b.ip && p.spec?.nodeName === node?.metadata.name));
}

/** The Service and port that ip:port addresses (ClusterIP, or a NodePort on a node's IP). */
function serviceTarget(snap: NetSnapshot, ip: string, port: number): { svc: Service; port: ServicePort; nodePort: boolean } | undefined {
  const onNode = isNodeIP(snap, ip);
  for (const svc of snap.services) {
    const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    for (const sp of svc.spec?.ports ?? []) {
      if ((sp.protocol ?? 'TCP') !== 'TCP') continue;
      if (ips.includes(ip) && sp.port === port) return { svc, port: sp, nodePort: false };
      if (onNode && sp.nodePort === port) return { svc, port: sp, nodePort: true };
    }
  }
  return undefined;
}
