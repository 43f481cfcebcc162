// What the Endpoints and EndpointSlice controllers share about services and their pods
// (k8s.io/endpointslice/util, v1.32): which pods belong in endpoints, which port a service port
// resolves to on a pod, hostnames, and which services a pod event concerns.
import type { Obj } from '../../client/types.js';
import { keyOf } from '../../client/types.js';
import { isPodReady } from '../framework/pods.js';

export interface ServicePort {
  name?: string;
  protocol?: string;
  port?: number;
  targetPort?: number | string;
  appProtocol?: string;
}

export interface ServiceSpec {
  type?: string;
  selector?: Record<string, string> | null;
  ports?: ServicePort[];
  clusterIP?: string;
  ipFamilies?: string[];
  publishNotReadyAddresses?: boolean;
}

interface ContainerPort {
  name?: string;
  containerPort?: number;
  protocol?: string;
}

interface ContainerJson {
  ports?: ContainerPort[];
  restartPolicy?: string;
}

export interface PodSpec {
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  containers?: ContainerJson[];
  initContainers?: ContainerJson[];
}

interface PodStatusJson {
  phase?: string;
  podIP?: string;
  podIPs?: { ip?: string }[];
}

/** The headless-service label the Endpoints and EndpointSlice controllers add (v1.IsHeadlessService). */
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** v1.EndpointsLastChangeTriggerTime. */
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

export const serviceSpec = (svc: Obj): ServiceSpec => (svc.spec ?? {}) as ServiceSpec;
export const podSpec = (pod: Obj): PodSpec => (pod.spec ?? {}) as PodSpec;
const podStatusOf = (pod: Obj): PodStatusJson => (pod.status ?? {}) as PodStatusJson;

/** The pod's IPs in order: status.podIPs, else status.podIP. */
export function podIPs(pod: Obj): string[] {
  const st = podStatusOf(pod);
  const ips = (st.podIPs ?? []).map((p) => p.ip ?? '').filter((ip) => ip !== '');
  return ips.length ? ips : st.podIP ? [st.podIP] : [];
}

export const isIPv6 = (ip: string): boolean => ip.includes(':');

/** helper.IsServiceIPSet: a cluster IP that is neither empty nor None. */
export function isServiceIPSet(svc: Obj): boolean {
  const ip = serviceSpec(svc).clusterIP ?? '';
  return ip !== '' && ip !== 'None';
}

/** Whether the controllers manage endpoints for svc: a selector, and not ExternalName. */
export function managesEndpoints(svc: Obj): boolean {
  const spec = serviceSpec(svc);
  return spec.type !== 'ExternalName' && spec.selector !== undefined && spec.selector !== null;
}

/** labels.Set(selector).Matches: every pair present. */
export function serviceSelects(svc: Obj, labels: Record<string, string> | undefined): boolean {
  const sel = serviceSpec(svc).selector;
  if (!sel) return false;
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and (unless included) not terminating. */
export function shouldPodBeInEndpoints(pod: Obj, includeTerminating: boolean): boolean {
  const phase = podStatusOf(pod).phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!podIPs(pod).length) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** ShouldSetHostname: the pod names a hostname and the service as its subdomain. */
export function shouldSetHostname(pod: Obj, svc: Obj): boolean {
  const spec = podSpec(pod);
  return !!spec.hostname && spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

const portIn = (containers: ContainerJson[], name: string, protocol: string): number | undefined => {
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  return undefined;
};

/** FindPort: a numeric targetPort as is; a named one from the containers (and sidecars). */
export function findPort(pod: Obj, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (typeof target !== 'string') return undefined;
  const spec = podSpec(pod);
  const protocol = sp.protocol ?? 'TCP';
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return portIn(spec.containers ?? [], target, protocol) ?? portIn(sidecars, target, protocol);
}

/** getServicesForPod: keys of the services in the pod's namespace selecting these labels. */
export function servicesForLabels(services: Obj[], labels: Record<string, string> | undefined): Set<string> {
  return new Set(services.filter((s) => serviceSelects(s, labels)).map(keyOf));
}

const sameLabels = (a: Obj, b: Obj) => JSON.stringify(Object.entries(a.metadata.labels ?? {}).sort()) === JSON.stringify(Object.entries(b.metadata.labels ?? {}).sort());

/** podEndpointsChanged: [endpoints may change, service membership may change]. */
function podEndpointsChanged(old: Obj, cur: Obj): [boolean, boolean] {
  const os = podSpec(old);
  const cs = podSpec(cur);
  const labelsChanged = !sameLabels(old, cur) || os.hostname !== cs.hostname || os.subdomain !== cs.subdomain;
  const podChanged = old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp
    || isPodReady(old) !== isPodReady(cur)
    || podIPs(old).join(',') !== podIPs(cur).join(',');
  return [podChanged, labelsChanged];
}

/** GetServicesToUpdateOnPodChange: the service keys a pod update concerns. */
export function servicesOnPodUpdate(services: Obj[], old: Obj, cur: Obj): Set<string> {
  if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return new Set();
  const [podChanged, labelsChanged] = podEndpointsChanged(old, cur);
  if (!podChanged && !labelsChanged) return new Set();
  const now = servicesForLabels(services, cur.metadata.labels);
  if (!labelsChanged) return now;
  const before = servicesForLabels(services, old.metadata.labels);
  if (podChanged) return new Set([...now, ...before]);
  return new Set([...[...now].filter((k) => !before.has(k)), ...[...before].filter((k) => !now.has(k))]);
}
