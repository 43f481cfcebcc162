// One node's view of the network, what its pods' tools use: the pod's resolv.conf, name
// resolution through CoreDNS, connections through kube-proxy's rules to the listening process,
// and HTTP exchanges with it (the server writes its access log line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '../../client/types.js';
import { PodFabric, type Listener } from './fabric.js';
import { serve, serverVersion, type HttpRequest, type HttpResponse } from './http.js';
import { dnsFromKubeletConfig, podResolvConf, type ClusterDns, type ResolvConf } from './resolv-conf.js';
import { candidates, isIPv4, resolveName, type Resolution } from './resolver.js';
import { hostsEntries, lookupHosts, managedHostsFile, type PodHostsSpec } from './hosts-file.js';
import type { PodNames } from './pod-names.js';
import { parseResolvConf, podDns, type HostDns, type PodDnsSpec } from './pod-dns.js';
import { route, snapshotPolicy, sourceEndpoint, type RoutePolicy, type Source } from './router.js';
import type { NetSnapshot } from './types.js';
import { ClusterView, type SnapshotSource } from './view.js';
import { SessionAffinity } from './affinity.js';

const DNS_PORT = 53;

/** The names the pod's /etc/hosts gives 127.0.0.1 (the resolver reads it before asking DNS). */
const HOSTS = new Set(['localhost', 'localhost.localdomain', 'localhost4', 'localhost4.localdomain4']);

const isLoopback = (ip: string): boolean => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);


/** A pod asking the network something (before its names are known: the namespace's defaults). */
export type Asker = Source & Partial<PodNames>;

export interface NamedPod {
  metadata: { name?: string; namespace?: string };
  spec?: PodDnsSpec & PodHostsSpec;
}

export type Connection =
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'open'; ip: string; port: number; listener: Listener };

export type Exchange = { kind: 'response'; response: HttpResponse } | { kind: 'empty' };

export interface NodeNetworkOptions {
  view: SnapshotSource;
  fabric: PodFabric;
  dns: ClusterDns;
  /** The node's own resolver settings (what dnsPolicy Default gives a pod). */
  host?: HostDns;
  now: () => number;
  policy?: RoutePolicy;
  pick?: (n: number) => number;
}

export class NodeNetwork {
  private readonly affinity: SessionAffinity;

  constructor(private readonly o: NodeNetworkOptions) {
    this.affinity = new SessionAffinity(o.now);
  }

  /** What kube-proxy's informers hold now (the router's snapshot). */
  snapshot(): Promise<NetSnapshot> {
    return this.o.view.snapshot();
  }

  now(): number {
    return this.o.now();
  }

  resolvConf(from: Asker): ResolvConf {
    return from.resolv ?? podResolvConf(this.o.dns, from.namespace);
  }

  /** The pod's resolv.conf (its dnsPolicy and dnsConfig) and managed /etc/hosts, given its IP. */
  podNames(pod: NamedPod, podIP: string): PodNames {
    const spec = pod.spec ?? {};
    const ns = pod.metadata.namespace ?? 'default';
    const resolv = podDns(spec, ns, this.o.dns, this.o.host ?? { nameservers: [], search: [], options: [] });
    if (spec.hostNetwork) return { resolv, hosts: [] };
    const hostsFile = managedHostsFile(spec, pod.metadata.name ?? '', ns, podIP, this.o.dns.domain);
    return { resolv, hosts: hostsEntries(hostsFile), hostsFile };
  }

  /**
   * The name as the pod's resolver looks it up: its hosts file, then its first nameserver — the
   * cluster DNS Service through the CoreDNS pods it may reach on UDP 53; any other server knows
   * none of this simulated world's names, and without one no server answers.
   */
  async resolve(name: string, from: Asker): Promise<Resolution> {
    if (HOSTS.has(name.toLowerCase())) return { kind: 'found', fqdn: name, ips: ['127.0.0.1'] };
    const own = from.hosts ? lookupHosts(from.hosts, name) : undefined;
    if (own) return { kind: 'found', fqdn: name.replace(/\.$/, ''), ips: [own] };
    const conf = this.resolvConf(from);
    const server = conf.nameservers[0];
    if (isIPv4(name)) return { kind: 'found', fqdn: name, ips: [name] };
    if (server === undefined) return { kind: 'timeout' };
    if (server !== this.o.dns.ip) return { kind: 'nxdomain', tried: candidates(name.toLowerCase(), conf) };
    const snap = await this.o.view.snapshot();
    const policy = this.o.policy ?? snapshotPolicy(snap);
    return resolveName(snap, name, conf, this.o.dns.domain, (dns) => policy.allows(from, dns, DNS_PORT, 'UDP'));
  }

  async connect(from: Source, ip: string, port: number): Promise<Connection> {
    const snap = await this.o.view.snapshot();
    if (isLoopback(ip)) return this.local(snap, from, port);
    const r = route(snap, from, ip, port, { affinity: this.affinity, ...(this.o.policy ? { policy: this.o.policy } : {}), ...(this.o.pick ? { pick: this.o.pick } : {}) });
    if (r.kind === 'refused') return { kind: 'refused' };
    if (r.kind === 'dropped') return { kind: 'timeout' };
    const listener = this.o.fabric.listener(r.pod, r.port);
    return listener ? { kind: 'open', ip: r.ip, port: r.port, listener } : { kind: 'refused' };
  }

  /** localhost inside a pod: its own containers' listeners, past no rule or policy. */
  private local(snap: NetSnapshot, from: Source, port: number): Connection {
    const self = sourceEndpoint(snap, from).pod;
    const listener = self ? this.o.fabric.listener(self, port) : undefined;
    return listener ? { kind: 'open', ip: '127.0.0.1', port, listener } : { kind: 'refused' };
  }

  /** The request over an open connection; a server that does not speak HTTP closes it. */
  exchange(c: Extract<Connection, { kind: 'open' }>, req: HttpRequest): Exchange {
    const app = c.listener.image.behaviour.http;
    if (!app) return { kind: 'empty' };
    const from = isLoopback(c.ip) ? { ...req, clientIP: c.ip } : req;
    const { response, log } = serve({ app, version: serverVersion(c.listener.image.env, app) }, from, this.o.now());
    c.listener.stdout(log);
    return { kind: 'response', response };
  }
}

/** The node's kubelet config (var/lib/kubelet/config.yaml), empty when there is none. */
function kubeletConfig(root: string | undefined): string {
  try {
    return root ? readFileSync(join(root, 'var/lib/kubelet/config.yaml'), 'utf8') : '';
  } catch {
    return '';
  }
}

/** The resolv.conf the kubelet config's resolvConf names, read inside the node (none: empty). */
function hostDns(root: string | undefined, cfg: string): HostDns {
  const path = /^resolvConf:\s*"?([^"\s]+)"?/m.exec(cfg)?.[1] ?? '/etc/resolv.conf';
  try {
    return parseResolvConf(root ? readFileSync(join(root, path), 'utf8') : '');
  } catch {
    return parseResolvConf('');
  }
}

const byClient = new WeakMap<Client, NodeNetwork>();

/** The node's network, reached through its kubelet's client (what its containers start with). */
export function networkFor(client: Client): NodeNetwork | undefined {
  return byClient.get(client);
}

export function startNodeNetwork(o: { client: Client; now: () => number; root?: string; fabric?: PodFabric; view?: SnapshotSource }): { network: NodeNetwork; fabric: PodFabric } {
  const fabric = o.fabric ?? new PodFabric();
  const cfg = kubeletConfig(o.root);
  const network = new NodeNetwork({ view: o.view ?? new ClusterView(o.client, o.now), fabric, dns: dnsFromKubeletConfig(cfg), host: hostDns(o.root, cfg), now: o.now });
  byClient.set(o.client, network);
  return { network, fabric };
}
