// ServiceDescriber: type, IPs, each port with its target, node port and endpoints (from the
// service's EndpointSlices), affinity and traffic policies, events.
import type { Obj } from '../../client/types.js';
import { at, num, rec, recs, str, strs } from '../columns/fields.js';
import { formatLabels } from '../columns/labels.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { formatEndpointSlices, slicesOf } from './endpoint-slices.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, tabbed, type Writer } from './writer.js';

function ingressText(ingress: unknown): string {
  return recs(ingress).map((i) => {
    if (str(i.ip) === '') return str(i.hostname);
    return typeof i.ipMode === 'string' ? `${str(i.ip)} (${i.ipMode})` : str(i.ip);
  }).join(', ');
}

function addresses(spec: Record<string, unknown>, status: Record<string, unknown>, w: Writer): void {
  if (typeof spec.ipFamilyPolicy === 'string') w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = strs(spec.ipFamilies);
  w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${str(spec.clusterIP)}\n`);
  const ips = strs(spec.clusterIPs);
  w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if (strs(spec.externalIPs).length > 0) w.write(LEVEL_0, `External IPs:\t${strs(spec.externalIPs).join(',')}\n`);
  if (str(spec.loadBalancerIP) !== '') w.write(LEVEL_0, `Desired LoadBalancer IP:\t${str(spec.loadBalancerIP)}\n`);
  if (str(spec.externalName) !== '') w.write(LEVEL_0, `External Name:\t${str(spec.externalName)}\n`);
  const ingress = at(status, 'loadBalancer', 'ingress');
  if (recs(ingress).length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressText(ingress)}\n`);
}

function ports(spec: Record<string, unknown>, slices: Obj[], w: Writer): void {
  for (const sp of recs(spec.ports)) {
    const name = str(sp.name) === '' ? '<unset>' : str(sp.name);
    const protocol = str(sp.protocol);
    w.write(LEVEL_0, `Port:\t${name}\t${num(sp.port)}/${protocol}\n`);
    const target = typeof sp.targetPort === 'string' ? sp.targetPort : String(num(sp.targetPort));
    w.write(LEVEL_0, `TargetPort:\t${target}/${protocol}\n`);
    if (num(sp.nodePort) !== 0) w.write(LEVEL_0, `NodePort:\t${name}\t${num(sp.nodePort)}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([str(sp.name)]))}\n`);
  }
}

export async function describeService(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const svc = await getObject(env, apiPath('v1', 'services', namespace, name));
  const slices = await slicesOf(env, namespace, name);
  const events = await eventsFor(env, refOf(svc, 'Service'));
  const spec = rec(svc.spec);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', svc.metadata.labels);
    printAnnotations(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${str(spec.type)}\n`);
    addresses(spec, rec(svc.status), w);
    ports(spec, slices.items, w);
    w.write(LEVEL_0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
    if (str(spec.externalTrafficPolicy) !== '') w.write(LEVEL_0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
    if (typeof spec.internalTrafficPolicy === 'string') w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (num(spec.healthCheckNodePort) !== 0) w.write(LEVEL_0, `HealthCheck NodePort:\t${num(spec.healthCheckNodePort)}\n`);
    if (strs(spec.loadBalancerSourceRanges).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${strs(spec.loadBalancerSourceRanges).join(',')}\n`);
    maybeEvents(events, w, env.now);
  });
}
