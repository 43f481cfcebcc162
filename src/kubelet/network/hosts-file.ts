// The /etc/hosts the kubelet mounts into a pod's containers (kubelet_pods.go managedHostsFileContent):
// the loopback and IPv6 lines, the pod's IP with its hostname (and its FQDN when it has a
// subdomain), then the pod's hostAliases. Host-network pods see the node's own file instead.

export interface HostAlias {
  ip?: string;
  hostnames?: string[];
}

export interface PodHostsSpec {
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  hostAliases?: HostAlias[];
}

export interface HostsEntry {
  ip: string;
  names: string[];
}

const HEADER = '# Kubernetes-managed hosts file.\n';
const FIXED = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

/** The pod's hostname: spec.hostname, else its name cut to 63 characters without a trailing '-' or '.'. */
export function podHostname(spec: PodHostsSpec, podName: string): string {
  if (spec.hostname) return spec.hostname;
  return podName.length > 63 ? podName.slice(0, 63).replace(/[-.]+$/, '') : podName;
}

export function managedHostsFile(spec: PodHostsSpec, podName: string, namespace: string, podIP: string, clusterDomain: string): string {
  const host = podHostname(spec, podName);
  const own = spec.subdomain ? `${podIP}\t${host}.${spec.subdomain}.${namespace}.svc.${clusterDomain}\t${host}\n` : `${podIP}\t${host}\n`;
  const aliases = spec.hostAliases?.length
    ? `\n# Entries added by HostAliases.\n${spec.hostAliases.map((a) => `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`).join('')}`
    : '';
  return HEADER + FIXED + own + aliases;
}

/** The IPv4 entries of a hosts file, in order (the resolver's first match wins). */
export function hostsEntries(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const line of text.split('\n')) {
    const [ip, ...names] = line.replace(/#.*$/, '').trim().split(/\s+/);
    if (ip && names.length && /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) out.push({ ip, names });
  }
  return out;
}

/** The address a hosts file gives `name` (case-insensitive), if any. */
export function lookupHosts(entries: HostsEntry[], name: string): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return entries.find((e) => e.names.some((x) => x.toLowerCase() === n))?.ip;
}
