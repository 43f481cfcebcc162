// Service and Endpoints defaulters, and the IP family fields the service registry sets when it
// allocates cluster IPs.
import type { KObject } from '../types.js';
import { isObject, obj, objs, str, strList, type JsonObject } from '../validation/json.js';

function defaultPorts(spec: JsonObject): void {
  for (const p of objs(spec.ports)) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
}

function defaultSessionAffinity(spec: JsonObject): void {
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity !== 'ClientIP') return;
  const timeout = obj(obj(spec.sessionAffinityConfig).clientIP).timeoutSeconds;
  if (timeout === undefined || timeout === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
}

/** SetDefaults_Service. */
export function defaultService(svc: KObject): void {
  if (!isObject(svc.spec)) svc.spec = {};
  const spec = svc.spec as JsonObject;
  defaultSessionAffinity(spec);
  if (!spec.type) spec.type = 'ClusterIP';
  defaultPorts(spec);
  const type = str(spec.type);
  const external = type === 'NodePort' || type === 'LoadBalancer' || (strList(spec.externalIPs) ?? []).length > 0;
  if (external && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(type)) spec.internalTrafficPolicy = 'Cluster';
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts == null) spec.allocateLoadBalancerNodePorts = true;
  if (type === 'LoadBalancer') {
    for (const ing of objs(obj(svc.status).loadBalancer ? obj(obj(svc.status).loadBalancer).ingress : [])) if (ing.ip && ing.ipMode == null) ing.ipMode = 'VIP';
  }
}

/**
 * The service registry's IP family initialisation (not a v1 default): single-stack IPv4 for
 * ClusterIP/NodePort/LoadBalancer; RequireDualStack for headless services without a selector;
 * nothing for ExternalName. `families` are the cluster's service IP families.
 */
export function applyServiceIPFamilies(svc: KObject, families: readonly string[] = ['IPv4']): void {
  const spec = obj(svc.spec);
  if (str(spec.type) === 'ExternalName') return;
  const headlessNoSelector = str(spec.clusterIP) === 'None' && !Object.keys(obj(spec.selector)).length;
  if (spec.ipFamilyPolicy == null) spec.ipFamilyPolicy = headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
  if (!(strList(spec.ipFamilies) ?? []).length) {
    spec.ipFamilies = headlessNoSelector || spec.ipFamilyPolicy !== 'SingleStack' ? [...families] : [families[0] ?? 'IPv4'];
  }
}

/** SetDefaults_Endpoints: ports are TCP unless given. */
export function defaultEndpoints(ep: KObject): void {
  for (const ss of objs(ep.subsets)) for (const p of objs(ss.ports)) if (!p.protocol) p.protocol = 'TCP';
}

/** discovery/v1 EndpointSlice ports: name "" and protocol TCP unless given. */
export function defaultEndpointSlice(es: KObject): void {
  for (const p of objs(es.ports)) {
    if (p.name == null) p.name = '';
    if (p.protocol == null) p.protocol = 'TCP';
  }
}
