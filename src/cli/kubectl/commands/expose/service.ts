// ExposeServiceOptions.createService: the Service `expose` generates from its flags and what it
// learned from the exposed object — selector, labels, ports (`port-N` names when several, one
// port per protocol when a container port has several), target ports, type, external IP, load
// balancer IP, session affinity, cluster IP.
import type { Json } from '../workload/json-values.js';

export interface ExposeState {
  name: string;
  defaultName: string;
  selector: string;
  labels: string;
  /** --port, or the one port found */
  port: string;
  /** the ports found when there were several */
  ports: string;
  protocol: string;
  /** port → protocols of the exposed object */
  protocols: Map<string, string[]>;
  targetPort: string;
  externalIp: string;
  type: string;
  loadBalancerIp: string;
  sessionAffinity: string;
  clusterIp: string;
}

/** expose's parseLabels: `k=v` pairs, exactly one `=` each. */
export function parseLabels(spec: string): Record<string, string> {
  if (spec === '') throw new Error('no label spec passed');
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new Error('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** strconv.Atoi with its error text. */
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** intstr.Parse: a number when it is one, else the name. */
const intOrString = (s: string): number | string => (/^[+-]?\d+$/.test(s) ? Number(s) : s);

function servicePorts(s: ExposeState): Json[] {
  const portString = s.ports !== '' ? s.ports : s.port;
  if (portString === '') return [];
  const list = portString.split(',');
  const out: Json[] = [];
  list.forEach((text, i) => {
    const port = atoi(text);
    const name = list.length > 1 ? `port-${i + 1}` : '';
    let protocol = s.protocol;
    if (protocol === '' && s.protocols.size === 0) protocol = 'TCP';
    else if (protocol === '') {
      protocol = 'TCP';
      const found = s.protocols.get(text);
      if (found && found.length === 1) protocol = found[0]!;
      else if (found) {
        for (const p of found) out.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
    }
    out.push({ name, port, protocol });
  });
  return out;
}

function spec(s: ExposeState, ports: Json[]): Json {
  const target = s.targetPort;
  const out: Json = {
    selector: parseLabels(s.selector),
    ports: ports.map((p) => ({ ...p, targetPort: target !== '' ? intOrString(target) : p.port })),
  };
  if (s.externalIp !== '') out.externalIPs = [s.externalIp];
  if (s.type !== '') out.type = s.type;
  if (out.type === 'LoadBalancer') out.loadBalancerIP = s.loadBalancerIp;
  if (s.sessionAffinity !== '') {
    if (s.sessionAffinity !== 'None' && s.sessionAffinity !== 'ClientIP') throw new Error(`unknown session affinity: ${s.sessionAffinity}`);
    out.sessionAffinity = s.sessionAffinity;
  }
  if (s.clusterIp !== '') out.clusterIP = s.clusterIp;
  return out;
}

/** The Service, as plain JSON (its Go field order comes from the printer's typed encoding). */
export function createService(s: ExposeState): Json {
  if (s.selector === '') throw new Error('selector must be specified');
  parseLabels(s.selector);
  const labels = s.labels !== '' ? parseLabels(s.labels) : undefined;
  const name = s.name !== '' ? s.name : s.defaultName;
  if (name === '') throw new Error('name must be specified');
  const ports = servicePorts(s);
  const metadata: Json = { name, ...(labels ? { labels } : {}) };
  return { apiVersion: 'v1', kind: 'Service', metadata, spec: spec(s, ports) };
}
