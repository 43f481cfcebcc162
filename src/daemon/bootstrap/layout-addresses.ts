// Gives every node of a layout its InternalIP and pod CIDR: the ones the file names are kept
// (and must not clash); the others are handed out control plane first, as kubeadm's nodes
// register: IPs from nodeSubnet's .2 upwards, pod CIDRs as the podSubnet's /24s in order
// (the controller-manager's --node-cidr-mask-size=24).
import type { NodeSpec } from '../layout.js';
import { cidrContains, intToIp, nthSubnet, parseCidr, type Cidr } from './net.js';

export interface Networks {
  podSubnet: string;
  serviceSubnet: string;
  dnsDomain: string;
  nodeSubnet: string;
}

export interface PendingNode {
  name: string;
  role: NodeSpec['role'];
  sizes: Record<string, string>;
  labels: Record<string, string>;
  ip: string | undefined;
  podCIDR: string | undefined;
}

type Fail = (message: string) => never;

export const NODE_CIDR_MASK = 24;

export function assignAddresses(nodes: PendingNode[], networks: Networks, fail: Fail): NodeSpec[] {
  const ips = takenBy(nodes, (n) => n.ip, 'ip', fail);
  const cidrs = takenBy(nodes, (n) => n.podCIDR, 'podCIDR', fail);
  checkOverlaps(nodes, fail);
  const ordered = [...nodes.filter((n) => n.role === 'control-plane'), ...nodes.filter((n) => n.role !== 'control-plane')];
  const ipOf = new Map<string, string>();
  const cidrOf = new Map<string, string>();
  const nodeNet = parseCidr(networks.nodeSubnet)!;
  let nextHost = 2;
  let nextCidr = 0;
  for (const n of ordered) {
    if (n.ip === undefined) {
      while (ips.has(intToIp(nodeNet.base + nextHost))) nextHost++;
      if (nextHost >= 2 ** (32 - nodeNet.prefix) - 1) fail(`nodeSubnet "${networks.nodeSubnet}" has no free address left for node "${n.name}"`);
      ips.add(intToIp(nodeNet.base + nextHost));
      ipOf.set(n.name, intToIp(nodeNet.base + nextHost));
    }
    if (n.podCIDR === undefined) {
      let cidr = nthSubnet(networks.podSubnet, NODE_CIDR_MASK, nextCidr);
      while (cidr !== undefined && overlapsAny(cidr, cidrs)) cidr = nthSubnet(networks.podSubnet, NODE_CIDR_MASK, ++nextCidr);
      if (cidr === undefined) fail(`podSubnet "${networks.podSubnet}" has no /24 left for node "${n.name}"`);
      cidrs.add(cidr);
      cidrOf.set(n.name, cidr);
    }
  }
  return nodes.map((n) => toSpec(n, n.ip ?? ipOf.get(n.name)!, n.podCIDR ?? cidrOf.get(n.name)!));
}

function toSpec(n: PendingNode, internalIP: string, podCIDR: string): NodeSpec {
  const s = n.sizes;
  const capacity: Record<string, string> = {
    cpu: s.cpu!,
    'ephemeral-storage': s['ephemeral-storage']!,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: s.memory!,
    pods: s.pods!,
  };
  return { name: n.name, role: n.role, capacity, labels: n.labels, internalIP, podCIDR };
}

function takenBy(nodes: PendingNode[], get: (n: PendingNode) => string | undefined, what: string, fail: Fail): Set<string> {
  const owner = new Map<string, string>();
  for (const n of nodes) {
    const v = get(n);
    if (v === undefined) continue;
    const other = owner.get(v);
    if (other !== undefined) fail(`nodes "${other}" and "${n.name}" both have ${what} "${v}"`);
    owner.set(v, n.name);
  }
  return new Set(owner.keys());
}

function checkOverlaps(nodes: PendingNode[], fail: Fail): void {
  const given = nodes.filter((n) => n.podCIDR !== undefined);
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      const a = given[i]!;
      const b = given[j]!;
      if (overlaps(parseCidr(a.podCIDR!)!, parseCidr(b.podCIDR!)!)) {
        fail(`nodes "${a.name}" and "${b.name}" have overlapping podCIDRs "${a.podCIDR}" and "${b.podCIDR}"`);
      }
    }
  }
}

function overlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, intToIp(b.base)) || cidrContains(b, intToIp(a.base));
}

function overlapsAny(cidr: string, taken: Set<string>): boolean {
  const c = parseCidr(cidr)!;
  for (const t of taken) if (overlaps(c, parseCidr(t)!)) return true;
  return false;
}
