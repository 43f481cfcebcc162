// The pod's /etc/resolv.conf as containerd writes it for the kubelet's ClusterFirst DNS policy:
// the search list of the pod's namespace, the cluster DNS Service's IP (the kubelet config's
// clusterDNS), ndots:5.
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  options: string[];
  /** From the options (ndots:N), the resolver's default 1 without. */
  ndots: number;
}

export interface ClusterDns {
  /** The kubelet configuration's clusterDNS[0]. */
  ip: string;
  /** The kubelet configuration's clusterDomain. */
  domain: string;
}

export const DEFAULT_DNS: ClusterDns = { ip: '10.96.0.10', domain: 'cluster.local' };

export function podResolvConf(dns: ClusterDns, namespace: string): ResolvConf {
  return { nameservers: [dns.ip], search: [`${namespace}.svc.${dns.domain}`, `svc.${dns.domain}`, dns.domain], options: ['ndots:5'], ndots: 5 };
}

/** As containerd writes it: each line only when it has something. */
export function formatResolvConf(c: ResolvConf): string {
  const search = c.search.length ? `search ${c.search.join(' ')}\n` : '';
  const servers = c.nameservers.map((n) => `nameserver ${n}\n`).join('');
  const options = c.options.length ? `options ${c.options.join(' ')}\n` : '';
  return search + servers + options;
}

/** Reads clusterDNS and clusterDomain from a KubeletConfiguration's YAML text. */
export function dnsFromKubeletConfig(yaml: string): ClusterDns {
  const ip = /^clusterDNS:\s*\n\s*-\s*"?([\d.]+)"?/m.exec(yaml)?.[1] ?? DEFAULT_DNS.ip;
  const domain = /^clusterDomain:\s*"?([\w.-]+)"?/m.exec(yaml)?.[1] ?? DEFAULT_DNS.domain;
  return { ip, domain };
}
