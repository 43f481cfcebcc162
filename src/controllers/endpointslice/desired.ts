// The endpoints a service should have for one address type, grouped by the port set each pod
// resolves (the first loop of reconcileByAddressType): pods that are terminal or have no IP are
// left out, terminating ones kept (with their conditions); a pod on a node that does not exist is
// left out and reported unless the service publishes not-ready addresses.
import type { Obj } from '../../client/types.js';
import { serviceSpec, shouldPodBeInEndpoints, podSpec } from '../endpoints/service-pods.js';
import type { AddressType } from './slice-build.js';
import { endpointKey, endpointPorts, podToEndpoint, portMapKey } from './slice-build.js';
import type { DesiredGroup } from './slice-plan.js';

export function desiredGroups(svc: Obj, pods: Obj[], type: AddressType, nodeOf: (name: string) => Obj | undefined): { groups: Map<string, DesiredGroup>; errors: string[] } {
  const groups = new Map<string, DesiredGroup>();
  const errors: string[] = [];
  const publish = serviceSpec(svc).publishNotReadyAddresses === true;
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = portMapKey(ports);
    const group = groups.get(key) ?? groups.set(key, { ports, endpoints: new Map() }).get(key)!;
    const nodeName = podSpec(pod).nodeName ?? '';
    const node = nodeOf(nodeName);
    if (!node && !publish) {
      errors.push(`skipping Pod ${pod.metadata.name} for Service ${svc.metadata.namespace}/${svc.metadata.name}: Node ${nodeName} Not Found`);
      continue;
    }
    const ep = podToEndpoint(pod, node, svc, type);
    if (ep.addresses.length) group.endpoints.set(endpointKey(ep), ep);
  }
  return { groups, errors };
}
