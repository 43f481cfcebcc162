// Name resolution as a pod's stub resolver and CoreDNS (kubernetes plugin, `pods insecure`) do
// it: the search list under ndots, <svc>.<ns>.svc.<domain> → the ClusterIP (headless: the ready
// endpoints' IPs), <a-b-c-d>.<ns>.pod.<domain> → a.b.c.d, NXDOMAIN for the rest. Without a Ready
// CoreDNS pod (kube-system, k8s-app=kube-dns) that the asking pod may reach on UDP 53 (its egress
// NetworkPolicies), no server answers: the query times out.
import { readyAddresses } from './endpoints.js';
import type { ResolvConf } from './resolv-conf.js';
import type { NetPod, NetSnapshot } from './types.js';
import { podReady } from './types.js';

export type Resolution =
  | { kind: 'found'; fqdn: string; ips: string[] }
  | { kind: 'nxdomain'; tried: string[] }
  | { kind: 'timeout' };

export const isIPv4 = (s: string): boolean => /^(\d{1,3})(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255);

/** Whether a query to CoreDNS pod may pass (the asking pod's egress, CoreDNS's ingress). */
export type DnsReach = (coredns: NetPod) => boolean;

export function dnsServing(snap: NetSnapshot, reach: DnsReach = () => true): boolean {
  return snap.pods.some((p) => p.metadata.namespace === 'kube-system' && p.metadata.labels?.['k8s-app'] === 'kube-dns' && podReady(p) && reach(p));
}

/** The names the stub resolver asks for, in order. */
export function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((s) => `${name}.${s}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

export function resolveName(snap: NetSnapshot, name: string, conf: ResolvConf, domain: string, reach?: DnsReach): Resolution {
  const lower = name.toLowerCase();
  if (isIPv4(lower)) return { kind: 'found', fqdn: lower, ips: [lower] };
  if (!dnsServing(snap, reach)) return { kind: 'timeout' };
  const tried: string[] = [];
  for (const fqdn of candidates(lower, conf)) {
    tried.push(fqdn);
    const ips = answer(snap, fqdn, domain);
    if (ips.length) return { kind: 'found', fqdn, ips };
  }
  return { kind: 'nxdomain', tried };
}

/** CoreDNS's A records for one fully qualified name (none: NXDOMAIN). */
export function answer(snap: NetSnapshot, fqdn: string, domain: string): string[] {
  const suffix = `.${domain}`;
  if (!fqdn.endsWith(suffix)) return [];
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'svc') return serviceRecord(snap, labels[0]!, labels[1]!);
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0]!.replace(/-/g, '.');
    return isIPv4(ip) ? [ip] : [];
  }
  return [];
}

function serviceRecord(snap: NetSnapshot, name: string, ns: string): string[] {
  const svc = snap.services.find((s) => s.metadata.name === name && s.metadata.namespace === ns);
  if (!svc || svc.spec?.type === 'ExternalName') return [];
  const ip = svc.spec?.clusterIP;
  if (ip && ip !== 'None') return [ip];
  return readyAddresses(snap, svc).sort();
}
