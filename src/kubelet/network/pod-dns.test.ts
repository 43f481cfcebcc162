import { describe, expect, it } from 'vitest';
import { formatResolvConf } from './resolv-conf.js';
import { parseResolvConf, podDns, type PodDnsSpec } from './pod-dns.js';
import { hostsEntries, lookupHosts, managedHostsFile } from './hosts-file.js';

const cluster = { ip: '10.96.0.10', domain: 'cluster.local' };
const host = parseResolvConf('# systemd-resolved\nnameserver 192.168.49.1\nsearch corp.example. .\noptions edns0 trust-ad\n');
const resolv = (spec: PodDnsSpec) => formatResolvConf(podDns(spec, 'team', cluster, host));

describe('a pod\'s resolv.conf by dnsPolicy (kubelet GetPodDNS, written as containerd writes it)', () => {
  it.each<[string, PodDnsSpec, string]>([
    ['ClusterFirst: the cluster DNS, the namespace search list and the node\'s, ndots:5', {},
      'search team.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['ClusterFirst on the host network falls back to Default', { hostNetwork: true },
      'search corp.example\nnameserver 192.168.49.1\noptions edns0 trust-ad\n'],
    ['ClusterFirstWithHostNet keeps the cluster DNS', { dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true },
      'search team.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['Default: the node\'s settings', { dnsPolicy: 'Default' }, 'search corp.example\nnameserver 192.168.49.1\noptions edns0 trust-ad\n'],
    ['None: only dnsConfig (the docs\' example)', { dnsPolicy: 'None', dnsConfig: { nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } },
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n'],
    ['dnsConfig appended to ClusterFirst: duplicates dropped, ndots replaced in place', { dnsConfig: { nameservers: ['10.96.0.10', '1.1.1.1'], searches: ['cluster.local', 'extra.local'], options: [{ name: 'ndots', value: '1' }, { name: 'single-request' }] } },
      'search team.svc.cluster.local svc.cluster.local cluster.local corp.example extra.local\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:1 single-request\n'],
    ['at most three nameservers', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] } }, 'nameserver 1.1.1.1\nnameserver 1.0.0.1\nnameserver 8.8.8.8\n'],
  ])('%s', (_name, spec, want) => {
    expect(resolv(spec)).toBe(want);
  });

  it('reads ndots from the options, 1 without', () => {
    expect(podDns({}, 'team', cluster, host).ndots).toBe(5);
    expect(podDns({ dnsPolicy: 'Default' }, 'team', cluster, host).ndots).toBe(1);
  });
});

describe('the kubelet-managed /etc/hosts', () => {
  it('matches the hostAliases task page', () => {
    const spec = { hostAliases: [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }, { ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }] };
    expect(managedHostsFile(spec, 'hostaliases-pod', 'default', '10.200.0.5', 'cluster.local')).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.200.0.5\thostaliases-pod\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n10.1.2.3\tfoo.remote\tbar.remote\n');
  });

  it('gives a pod with hostname and subdomain its FQDN first', () => {
    const text = managedHostsFile({ hostname: 'web-0', subdomain: 'nginx' }, 'web-0', 'shop', '10.244.1.7', 'cluster.local');
    expect(text.split('\n')[7]).toBe('10.244.1.7\tweb-0.nginx.shop.svc.cluster.local\tweb-0');
    const entries = hostsEntries(text);
    expect(lookupHosts(entries, 'WEB-0')).toBe('10.244.1.7');
    expect(lookupHosts(entries, 'localhost')).toBe('127.0.0.1');
    expect(lookupHosts(entries, 'ip6-localnet')).toBeUndefined();
  });
});
