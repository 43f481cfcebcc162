// EndpointsDescriber and EndpointSliceDescriber.
import { num, rec, recs, str, strs } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbed, type Writer } from './writer.js';

function ipList(addresses: unknown): string {
  const text = recs(addresses).map((a) => str(a.ip)).join(',');
  return text === '' ? '<none>' : text;
}

export async function describeEndpoints(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const ep = await getObject(env, apiPath('v1', 'endpoints', namespace, name));
  const events = await eventsFor(env, refOf(ep, 'Endpoints'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', ep.metadata.labels);
    printAnnotations(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of recs(ep.subsets)) {
      w.write(LEVEL_1, `Addresses:\t${ipList(subset.addresses)}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${ipList(subset.notReadyAddresses)}\n`);
      const ports = recs(subset.ports);
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${str(p.name) === '' ? '<unset>' : str(p.name)}\t${num(p.port)}\t${str(p.protocol)}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    maybeEvents(events, w, env.now);
  });
}

const orUnset = (v: unknown): string => (typeof v === 'string' ? v : '<unset>');

function sliceEndpoints(endpoints: unknown, w: Writer): void {
  const list = recs(endpoints);
  if (list.length === 0) {
    w.write(LEVEL_0, 'Endpoints: <none>\n');
    return;
  }
  w.write(LEVEL_0, 'Endpoints:\n');
  for (const e of list) {
    const addresses = strs(e.addresses).join(', ');
    w.write(LEVEL_1, `- Addresses:\t${addresses === '' ? '<none>' : addresses}\n`);
    w.write(LEVEL_2, 'Conditions:\n');
    const ready = rec(e.conditions).ready;
    w.write(LEVEL_3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`);
    w.write(LEVEL_2, `Hostname:\t${orUnset(e.hostname)}\n`);
    if (e.targetRef !== undefined && e.targetRef !== null) w.write(LEVEL_2, `TargetRef:\t${str(rec(e.targetRef).kind)}/${str(rec(e.targetRef).name)}\n`);
    w.write(LEVEL_2, `NodeName:\t${orUnset(e.nodeName)}\n`);
    w.write(LEVEL_2, `Zone:\t${orUnset(e.zone)}\n`);
  }
}

export async function describeEndpointSlice(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const eps = await getObject(env, apiPath('discovery.k8s.io/v1', 'endpointslices', namespace, name));
  const events = await eventsFor(env, refOf(eps, 'EndpointSlice'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', eps.metadata.labels);
    printAnnotations(w, 'Annotations', eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = recs(eps.ports);
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const portName = str(p.name) === '' ? '<unset>' : str(p.name);
        w.write(LEVEL_1, `${portName}\t${typeof p.port === 'number' ? p.port : '<unset>'}\t${str(p.protocol)}\n`);
      }
    }
    sliceEndpoints(eps.endpoints, w);
    maybeEvents(events, w, env.now);
  });
}
