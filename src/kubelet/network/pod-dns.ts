// A pod's DNS settings as the kubelet computes them (pkg/kubelet/network/dns GetPodDNS): by its
// dnsPolicy — ClusterFirst (a host-network pod falls back to Default), ClusterFirstWithHostNet,
// Default (the node's resolv.conf), None — then its dnsConfig appended (nameservers and searches
// without duplicates, options merged by name), cut to the resolver's limits (3 nameservers,
// 32 search domains). containerd writes the result as the pod's /etc/resolv.conf.
import type { ClusterDns, ResolvConf } from './resolv-conf.js';

export interface PodDnsSpec {
  dnsPolicy?: string;
  hostNetwork?: boolean;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name?: string; value?: string }[] };
}

/** The node's own resolver settings (the kubelet's --resolv-conf). */
export interface HostDns {
  nameservers: string[];
  search: string[];
  options: string[];
}

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** Options by name, a later one replacing an earlier one's value in place. */
function mergeOptions(base: string[], extra: { name?: string; value?: string }[]): string[] {
  const m = new Map<string, string>();
  for (const op of base) {
    const i = op.indexOf(':');
    m.set(i === -1 ? op : op.slice(0, i), i === -1 ? '' : op.slice(i + 1));
  }
  for (const op of extra) m.set(op.name ?? '', op.value ?? '');
  return [...m].map(([k, v]) => (v === '' ? k : `${k}:${v}`));
}

/** ndots from the options (the resolver's default is 1). */
export function ndotsOf(options: string[]): number {
  const op = [...options].reverse().find((o) => o.startsWith('ndots:'));
  const n = op ? Number(op.slice('ndots:'.length)) : 1;
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 15) : 1;
}

function base(spec: PodDnsSpec, namespace: string, cluster: ClusterDns, host: HostDns): HostDns {
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'None') return { nameservers: [], search: [], options: [] };
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork);
  if (!clusterFirst) return { nameservers: [...host.nameservers], search: [...host.search], options: [...host.options] };
  const d = cluster.domain;
  return { nameservers: [cluster.ip], search: unique([`${namespace}.svc.${d}`, `svc.${d}`, d, ...host.search]), options: ['ndots:5'] };
}

export function podDns(spec: PodDnsSpec, namespace: string, cluster: ClusterDns, host: HostDns): ResolvConf {
  const b = base(spec, namespace, cluster, host);
  const c = spec.dnsConfig;
  const nameservers = unique([...b.nameservers, ...(c?.nameservers ?? [])]).slice(0, MAX_NAMESERVERS);
  const search = unique([...b.search, ...(c?.searches ?? [])]).slice(0, MAX_SEARCHES);
  const options = c ? mergeOptions(b.options, c.options ?? []) : b.options;
  return { nameservers, search, options, ndots: ndotsOf(options) };
}

/** A resolv.conf's nameserver, search (without "." and trailing dots) and options lines, as the kubelet reads the node's. */
export function parseResolvConf(text: string): HostDns {
  const out: HostDns = { nameservers: [], search: [], options: [] };
  for (const raw of text.split('\n')) {
    const [key, ...fields] = raw.replace(/[#;].*$/, '').trim().split(/\s+/);
    if (key === 'nameserver' && fields[0]) out.nameservers.push(fields[0]);
    else if (key === 'search') out.search = fields.filter((f) => f !== '.').map((f) => f.replace(/\.$/, ''));
    else if (key === 'options') out.options.push(...fields);
  }
  return out;
}
