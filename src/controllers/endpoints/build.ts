// The Endpoints object a service should have (the endpoints controller's syncService, v1.32):
// one address per selected pod (ready, or not ready unless publishNotReadyAddresses), one port
// per service port the pod resolves, repacked; labels mirrored from the service plus the
// headless label; the trigger-time and over-capacity annotations.
import type { Obj } from '../../client/types.js';
import { semanticEqual } from '../../api/validation/json.js';
import { isPodReady } from '../framework/pods.js';
import {
  findPort, HEADLESS_LABEL, isIPv6, isServiceIPSet, podIPs, podSpec, serviceSpec, shouldPodBeInEndpoints,
  shouldSetHostname, TRIGGER_TIME_ANNOTATION,
} from './service-pods.js';
import type { EndpointAddress, EndpointPort, EndpointSubset } from './subsets.js';
import { addressCount, MAX_CAPACITY, repackSubsets, truncateSubsets } from './subsets.js';
import { rfc3339Nano } from './trigger-time.js';

/** v1.EndpointsOverCapacity and its one value. */
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';
const TRUNCATED = 'truncated';

/** The IP family the service's endpoints use: its first ipFamily, else guessed from an IP. */
function familyIsV6(svc: Obj, pod: Obj): boolean {
  const spec = serviceSpec(svc);
  const first = spec.ipFamilies?.[0];
  if (first) return first === 'IPv6';
  if (isServiceIPSet(svc)) return isIPv6(spec.clusterIP ?? '');
  return isIPv6(podIPs(pod)[0] ?? '');
}

/** podToEndpointAddressForService: undefined when the pod has no IP of the service's family. */
export function podAddress(svc: Obj, pod: Obj): EndpointAddress | undefined {
  const v6 = familyIsV6(svc, pod);
  const ip = podIPs(pod).find((x) => isIPv6(x) === v6);
  if (!ip) return undefined;
  const node = podSpec(pod).nodeName;
  const addr: EndpointAddress = { ip, ...(node ? { nodeName: node } : {}), targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' } };
  if (shouldSetHostname(pod, svc)) addr.hostname = podSpec(pod).hostname ?? '';
  return addr;
}

function endpointPort(sp: { name?: string; protocol?: string; appProtocol?: string }, port: number): EndpointPort {
  return { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
}

/** The unpacked subsets: one per (pod, resolved port), or per pod for a portless headless service. */
export function podSubsets(svc: Obj, pods: Obj[]): EndpointSubset[] {
  const spec = serviceSpec(svc);
  const tolerate = spec.publishNotReadyAddresses === true;
  const out: EndpointSubset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const addr = podAddress(svc, pod);
    if (!addr) continue;
    const add = (ports: EndpointPort[]) => out.push(tolerate || isPodReady(pod) ? { addresses: [addr], ports } : { notReadyAddresses: [addr], ports });
    if (!(spec.ports ?? []).length) {
      if (spec.clusterIP === 'None') add([]);
      continue;
    }
    for (const sp of spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port !== undefined) add([endpointPort(sp, port)]);
    }
  }
  return out;
}

export const desiredSubsets = (svc: Obj, pods: Obj[]): EndpointSubset[] => repackSubsets(podSubsets(svc, pods));

const withoutHeadless = (labels: Record<string, string> | undefined): Record<string, string> => {
  const out = { ...labels };
  delete out[HEADLESS_LABEL];
  return out;
};

/** Subsets compared without the targets' resourceVersions. */
const comparable = (subsets: unknown): unknown => JSON.parse(JSON.stringify(subsets ?? []), (k, v: unknown) => (k === 'resourceVersion' ? undefined : v));

/** capacityAnnotationSetCorrectly. */
function capacityAnnotationOK(cur: Obj): boolean {
  if (addressCount((cur.subsets ?? []) as EndpointSubset[]) > MAX_CAPACITY) return false;
  return cur.metadata.annotations?.[OVER_CAPACITY_ANNOTATION] === undefined;
}

/** Whether the current Endpoints already say what they should (the controller's skip check). */
export function upToDate(cur: Obj, svc: Obj, subsets: EndpointSubset[]): boolean {
  return semanticEqual(comparable(cur.subsets), comparable(subsets))
    && semanticEqual(withoutHeadless(cur.metadata.labels), svc.metadata.labels ?? {})
    && capacityAnnotationOK(cur);
}

/** The Endpoints to write: cur (or a new object) with the subsets, labels and annotations set. */
export function desiredEndpoints(cur: Obj | undefined, svc: Obj, subsets: EndpointSubset[], triggerMs: number): Obj {
  const base: Obj = cur ? structuredClone(cur) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace } };
  const annotations = { ...base.metadata.annotations };
  if (triggerMs) annotations[TRIGGER_TIME_ANNOTATION] = rfc3339Nano(triggerMs);
  else delete annotations[TRIGGER_TIME_ANNOTATION];
  const next = structuredClone(subsets);
  if (truncateSubsets(next)) annotations[OVER_CAPACITY_ANNOTATION] = TRUNCATED;
  else delete annotations[OVER_CAPACITY_ANNOTATION];
  const labels = { ...svc.metadata.labels };
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  base.metadata.labels = labels;
  base.metadata.annotations = annotations;
  if (next.length) base.subsets = next;
  else delete base.subsets;
  if (!Object.keys(labels).length) delete base.metadata.labels;
  if (!Object.keys(annotations).length) delete base.metadata.annotations;
  return base;
}
