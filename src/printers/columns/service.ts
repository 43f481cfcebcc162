// services (core/v1): printService — NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE; wide SELECTOR.
// The apiserver prints with Wide=true, so load-balancer addresses are never clipped to 16 bytes.
import { ageColumn, column, nameColumn, wideColumn } from './define.js';
import { at, num, rec, recs, sortStrings, str, strs, type Fields } from './fields.js';
import { formatLabels } from './labels.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** The v1→internal conversion puts spec.clusterIP first in clusterIPs. */
function clusterIP(spec: Fields): string {
  const ip = str(spec.clusterIP) !== '' ? str(spec.clusterIP) : (strs(spec.clusterIPs)[0] ?? '');
  return ip === '' ? '<none>' : ip;
}

/** loadBalancerStatusStringer: ingress IPs (else hostnames), de-duplicated and sorted. */
export function loadBalancerAddresses(status: unknown): string {
  const found = new Set<string>();
  for (const ingress of recs(at(status, 'ingress'))) {
    if (str(ingress.ip) !== '') found.add(str(ingress.ip));
    else if (str(ingress.hostname) !== '') found.add(str(ingress.hostname));
  }
  return sortStrings([...found]).join(',');
}

function externalIP(spec: Fields, status: Fields): string {
  const externalIPs = strs(spec.externalIPs);
  switch (str(spec.type)) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(status.loadBalancer);
      if (externalIPs.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

function ports(spec: Fields): string {
  const text = recs(spec.ports)
    .map((p) => {
      const nodePort = num(p.nodePort);
      const prefix = nodePort > 0 ? `${num(p.port)}:${nodePort}` : `${num(p.port)}`;
      return `${prefix}/${str(p.protocol)}`;
    })
    .join(',');
  return text === '' ? '<none>' : text;
}

export const serviceColumns: ColumnSet = {
  columns: [
    nameColumn(),
    column('Type', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    column('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.'),
    column('Port(s)', 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    ageColumn(),
    wideColumn('Selector', 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/'),
  ],
  cells(svc, { now }) {
    const spec = rec(svc.spec);
    return [
      svc.metadata.name ?? '',
      str(spec.type),
      clusterIP(spec),
      externalIP(spec, rec(svc.status)),
      ports(spec),
      age(svc, now),
      formatLabels(spec.selector),
    ];
  },
};
