// The pieces an EndpointSlice is made of (k8s.io/endpointslice utils.go, v1.32): a pod as an
// endpoint (addresses of one family, ready/serving/terminating, node, zone, hostname, target),
// the ports a pod resolves, the address types a service needs, a new slice with its labels and
// owner, and the identity and equality rules the reconciler compares endpoints by.
import type { Obj } from '../../client/types.js';
import { controllerRef, isPodReady } from '../framework/pods.js';
import {
  findPort, HEADLESS_LABEL, isIPv6, isServiceIPSet, podIPs, podSpec, serviceSpec, shouldSetHostname,
} from '../endpoints/service-pods.js';

export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const ZONE_LABEL = 'topology.kubernetes.io/zone';

export type AddressType = 'IPv4' | 'IPv6';

export interface SlicePort {
  name?: string;
  protocol?: string;
  port?: number;
  appProtocol?: string;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  targetRef?: { kind?: string; namespace?: string; name?: string; uid?: string; resourceVersion?: string };
  nodeName?: string;
  zone?: string;
  hints?: unknown;
}

export interface Slice extends Obj {
  addressType: AddressType;
  endpoints: SliceEndpoint[];
  ports: SlicePort[];
}

/** podToEndpoint. */
export function podToEndpoint(pod: Obj, node: Obj | undefined, svc: Obj, type: AddressType): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = serviceSpec(svc).publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: podIPs(pod).filter((ip) => isIPv6(ip) === (type === 'IPv6')),
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
  };
  const spec = podSpec(pod);
  if (spec.nodeName) ep.nodeName = spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = spec.hostname ?? '';
  return ep;
}

/** getEndpointPorts: the service ports the pod resolves (none for a portless headless service). */
export function endpointPorts(svc: Obj, pod: Obj): SlicePort[] {
  const spec = serviceSpec(svc);
  const out: SlicePort[] = [];
  for (const sp of spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? '', protocol: sp.protocol ?? 'TCP', port, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** getAddressTypesForService: its ipFamilies; else the cluster IP's family; headless: both. */
export function addressTypesFor(svc: Obj): AddressType[] {
  const spec = serviceSpec(svc);
  const fams = new Set<AddressType>();
  for (const f of spec.ipFamilies ?? []) if (f === 'IPv4' || f === 'IPv6') fams.add(f);
  if (fams.size) return [...fams];
  if (isServiceIPSet(svc)) return [isIPv6(spec.clusterIP ?? '') ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, HEADLESS_LABEL]);

const unreserved = (labels: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !RESERVED.has(k)));

const sameMap = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** setEndpointSliceLabels: the labels the slice should carry, and whether the service's changed. */
export function sliceLabels(slice: Obj | undefined, svc: Obj): { labels: Record<string, string>; changed: boolean } {
  const labels = unreserved(svc.metadata.labels);
  const changed = !sameMap(unreserved(slice?.metadata.labels), labels);
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return { labels, changed };
}

/** newEndpointSlice: generateName `<service>-`, owned by the service. */
export function newSlice(svc: Obj, ports: SlicePort[], type: AddressType): Slice {
  const owner = { ...controllerRef(svc), apiVersion: 'v1', kind: 'Service' };
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels: sliceLabels(undefined, svc).labels, ownerReferences: [owner] },
    addressType: type, endpoints: [], ports,
  };
}

/** ownedBy: an ownerReference to this Service (by uid). */
export const ownedBy = (slice: Obj, svc: Obj): boolean =>
  (slice.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');

/** NewPortMapKey: the port set, order-insensitive. */
export const portMapKey = (ports: SlicePort[] | undefined): string =>
  JSON.stringify((ports ?? []).map((p) => [p.name ?? '', p.protocol ?? '', p.port ?? 0, p.appProtocol ?? null]).sort());

/** hashEndpoint: the endpoint's identity — sorted addresses, hostname, target namespace/name. */
export const endpointKey = (ep: SliceEndpoint): string =>
  JSON.stringify([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);

/** EndpointsEqualBeyondHash: node, zone, conditions and target (without resourceVersion). */
export function endpointsEqualBeyondHash(a: SliceEndpoint, b: SliceEndpoint): boolean {
  const ref = (e: SliceEndpoint) => JSON.stringify(e.targetRef ? [e.targetRef.kind, e.targetRef.namespace, e.targetRef.name, e.targetRef.uid] : null);
  return a.nodeName === b.nodeName && a.zone === b.zone
    && a.conditions.ready === b.conditions.ready && a.conditions.serving === b.conditions.serving
    && a.conditions.terminating === b.conditions.terminating && ref(a) === ref(b);
}
