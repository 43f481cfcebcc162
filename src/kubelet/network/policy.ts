// NetworkPolicy as a policy-enforcing CNI applies it to one connection (networking.k8s.io/v1
// semantics): a pod selected by no policy of a type is open in that direction; a pod selected by
// at least one is isolated, and traffic passes only if some rule of those policies allows it.
// Egress is checked on the source pod against the destination after kube-proxy's DNAT (the pod IP
// and its port), ingress on the destination pod. Sources that are not pods (the node, host
// network) are only matched by ipBlock peers.
import { fromLabelSelector, matchesLabels } from '../../api/selectors/labels.js';
import { cidrContains, ipFamily, parseCIDR } from '../../api/validation/ipnet.js';
import type { NetPod, NetSnapshot, NetworkPolicy, PolicyPeer, PolicyPort, PolicyRule, SelectorSpec } from './types.js';

/** One end of a connection: its IP, and the pod that has it (if any). */
export interface Endpoint {
  ip: string;
  pod?: NetPod | undefined;
}

type Direction = 'Ingress' | 'Egress';

const NAME_LABEL = 'kubernetes.io/metadata.name';

const selects = (sel: SelectorSpec | undefined, labels: Record<string, string> | undefined): boolean =>
  matchesLabels(fromLabelSelector(sel), labels);

/** The policy types of a policy (the apiserver defaults them; an old object may lack them). */
function typesOf(p: NetworkPolicy): string[] {
  const t = p.spec?.policyTypes;
  if (t?.length) return t;
  return p.spec?.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** The policies of the pod's namespace that select it for the direction. */
export function isolating(snap: NetSnapshot, pod: NetPod, dir: Direction): NetworkPolicy[] {
  return (snap.policies ?? []).filter((p) =>
    p.metadata.namespace === pod.metadata.namespace && typesOf(p).includes(dir) && selects(p.spec?.podSelector, pod.metadata.labels));
}

function namespaceLabels(snap: NetSnapshot, name: string): Record<string, string> {
  const ns = snap.namespaces?.find((n) => n.metadata.name === name);
  return ns?.metadata.labels ?? { [NAME_LABEL]: name };
}

function inBlock(block: NonNullable<PolicyPeer['ipBlock']>, ip: string): boolean {
  const within = (cidr: string): boolean => {
    const c = parseCIDR(cidr);
    return !!c && c.family === ipFamily(ip) && cidrContains(c, ip);
  };
  return within(block.cidr) && !(block.except ?? []).some(within);
}

function peerMatches(snap: NetSnapshot, peer: PolicyPeer, policyNs: string, e: Endpoint): boolean {
  if (peer.ipBlock) return inBlock(peer.ipBlock, e.ip);
  const pod = e.pod;
  if (!pod) return false;
  const ns = pod.metadata.namespace ?? '';
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, namespaceLabels(snap, ns)) : ns === policyNs;
  return nsOk && (!peer.podSelector || selects(peer.podSelector, pod.metadata.labels));
}

/** A rule's port matches the destination port: a number, a range up to endPort, or a container port's name. */
function portMatches(p: PolicyPort, port: number, protocol: string, dest: NetPod | undefined): boolean {
  if ((p.protocol ?? 'TCP') !== protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  const named = (dest?.spec?.containers ?? []).flatMap((c) => c.ports ?? []).filter((cp) => cp.name === p.port && (cp.protocol ?? 'TCP') === protocol);
  return named.some((cp) => cp.containerPort === port);
}

function ruleAllows(snap: NetSnapshot, rule: PolicyRule, policyNs: string, peer: Endpoint, port: number, protocol: string, dest: NetPod | undefined, dir: Direction): boolean {
  const ports = rule.ports ?? [];
  if (ports.length && !ports.some((p) => portMatches(p, port, protocol, dest))) return false;
  const peers = (dir === 'Ingress' ? rule.from : rule.to) ?? [];
  return !peers.length || peers.some((x) => peerMatches(snap, x, policyNs, peer));
}

function directionAllows(snap: NetSnapshot, subject: NetPod, dir: Direction, peer: Endpoint, port: number, protocol: string, dest: NetPod | undefined): boolean {
  const policies = isolating(snap, subject, dir);
  if (!policies.length) return true;
  return policies.some((p) => {
    const rules = (dir === 'Ingress' ? p.spec?.ingress : p.spec?.egress) ?? [];
    return rules.some((r) => ruleAllows(snap, r, p.metadata.namespace ?? '', peer, port, protocol, dest, dir));
  });
}

/** Whether a connection from src to dst's port passes both the source's egress and the destination's ingress policies. */
export function policyAllows(snap: NetSnapshot, src: Endpoint, dst: Endpoint, port: number, protocol = 'TCP'): boolean {
  if (!snap.policies?.length) return true;
  if (src.pod && !directionAllows(snap, src.pod, 'Egress', dst, port, protocol, dst.pod)) return false;
  return !dst.pod || directionAllows(snap, dst.pod, 'Ingress', src, port, protocol, dst.pod);
}
