// One node's view of the network, what its pods' tools use: the pod's resolv.conf, name
// resolution through CoreDNS, connections through kube-proxy's rules to the listening process,
// and HTTP exchanges with it (the server writes its access log line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '../../client/types.js';
import { PodFabric, type Listener } from './fabric.js';
import { serve, serverVersion, type HttpRequest, type HttpResponse } from './http.js';
import { DEFAULT_DNS, dnsFromKubeletConfig, podResolvConf, type ClusterDns, type ResolvConf } from './resolv-conf.js';
import { resolveName, type Resolution } from './resolver.js';
import { route, snapshotPolicy, sourceEndpoint, type RoutePolicy, type Source } from './router.js';
import type { NetSnapshot } from './types.js';
import { ClusterView, type SnapshotSource } from './view.js';
import { SessionAffinity } from './affinity.js';

const DNS_PORT = 53;

/** The names the pod's /etc/hosts gives 127.0.0.1 (the resolver reads it before asking DNS). */
const HOSTS = new Set(['localhost', 'localhost.localdomain', 'localhost4', 'localhost4.localdomain4']);

const isLoopback = (ip: string): boolean => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);

export type Connection =
  | { kind: 'refused' }
  | { kind: 'timeout' }
  | { kind: 'open'; ip: string; port: number; listener: Listener };

export type Exchange = { kind: 'response'; response: HttpResponse } | { kind: 'empty' };

export interface NodeNetworkOptions {
  view: SnapshotSource;
  fabric: PodFabric;
  dns: ClusterDns;
  now: () => number;
  policy?: RoutePolicy;
  pick?: (n: number) => number;
}

export class NodeNetwork {
  private readonly affinity: SessionAffinity;

  constructor(private readonly o: NodeNetworkOptions) {
    this.affinity = new SessionAffinity(o.now);
  }

  resolvConf(namespace: string): ResolvConf {
    return podResolvConf(this.o.dns, namespace);
  }

  /** The name as the pod's resolver looks it up, through the CoreDNS pods it may reach on UDP 53. */
  async resolve(name: string, from: Source): Promise<Resolution> {
    if (HOSTS.has(name.toLowerCase())) return { kind: 'found', fqdn: name, ips: ['127.0.0.1'] };
    const snap = await this.o.view.snapshot();
    const policy = this.o.policy ?? snapshotPolicy(snap);
    return resolveName(snap, name, this.resolvConf(from.namespace), this.o.dns.domain, (dns) => policy.allows(from, dns, DNS_PORT, 'UDP'));
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

/** The cluster DNS settings of the node's kubelet config (var/lib/kubelet/config.yaml). */
export function nodeDns(root: string | undefined): ClusterDns {
  if (!root) return DEFAULT_DNS;
  try {
    return dnsFromKubeletConfig(readFileSync(join(root, 'var/lib/kubelet/config.yaml'), 'utf8'));
  } catch {
    return DEFAULT_DNS;
  }
}

const byClient = new WeakMap<Client, NodeNetwork>();

/** The node's network, reached through its kubelet's client (what its containers start with). */
export function networkFor(client: Client): NodeNetwork | undefined {
  return byClient.get(client);
}

export function startNodeNetwork(o: { client: Client; now: () => number; root?: string; fabric?: PodFabric; view?: SnapshotSource }): { network: NodeNetwork; fabric: PodFabric } {
  const fabric = o.fabric ?? new PodFabric();
  const network = new NodeNetwork({ view: o.view ?? new ClusterView(o.client, o.now), fabric, dns: nodeDns(o.root), now: o.now });
  byClient.set(o.client, network);
  return { network, fabric };
}
