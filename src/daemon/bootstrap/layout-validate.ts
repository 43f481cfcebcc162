// Turns a parsed layout file into a ClusterLayout: unknown fields, bad names, quantities, IPs and
// CIDRs are refused with a plain sentence naming the file, the node and the value; missing
// values come from `defaults`, then from kubedojo's own (a 2-cpu, ~4 GiB node).
import type { ClusterLayout, NodeSpec } from '../layout.js';
import { formatQuantity, parseQuantity } from './quantity.js';
import { isDNS1123Subdomain, isLabelValue, isQualifiedName } from './names.js';
import { cidrContains, cidrSize, intToIp, isIPv4, parseCidr } from './net.js';
import { assignAddresses, type Networks, type PendingNode } from './layout-addresses.js';

export class LayoutError extends Error {
  override name = 'LayoutError';
}

export const LAYOUT_DEFAULTS = {
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/12',
  dnsDomain: 'cluster.local',
  nodeSubnet: '192.168.49.0/24',
  sizes: { cpu: '2', memory: '4015772Ki', 'ephemeral-storage': '20134592Ki', pods: '110' },
} as const;

const SIZE_KEYS = ['cpu', 'memory', 'ephemeral-storage', 'pods'] as const;
const TOP_KEYS = ['podSubnet', 'serviceSubnet', 'dnsDomain', 'nodeSubnet', 'defaults', 'nodes'];
const DEFAULT_KEYS = [...SIZE_KEYS, 'labels'];
const NODE_KEYS = ['name', 'role', ...SIZE_KEYS, 'labels', 'ip', 'podCIDR'];
const ROLES = ['control-plane', 'worker'] as const;

type Fail = (message: string) => never;
type Mapping = Record<string, unknown>;

interface Defaults {
  sizes: Record<string, string>;
  labels: Record<string, string>;
}

export function validateLayout(raw: unknown, label: string): ClusterLayout {
  const fail: Fail = (message) => {
    throw new LayoutError(`layout "${label}": ${message}`);
  };
  const top = asMapping(raw, 'the file', fail);
  checkKeys(top, TOP_KEYS, '', fail);
  const networks = readNetworks(top, fail);
  const defaults = readDefaults(top.defaults, fail);
  if (!Array.isArray(top.nodes) || top.nodes.length === 0) {
    fail('"nodes" must be a list with at least one node');
  }
  const pending = (top.nodes as unknown[]).map((n, i) => readNode(n, i, defaults, networks, fail));
  checkCluster(pending, fail);
  const nodes: NodeSpec[] = assignAddresses(pending, networks, fail);
  const { podSubnet, serviceSubnet, dnsDomain } = networks;
  return { nodes, podSubnet, serviceSubnet, dnsDomain };
}

function asMapping(value: unknown, what: string, fail: Fail): Mapping {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(`${what} must be a mapping of fields (key: value)`);
  }
  return value as Mapping;
}

function checkKeys(map: Mapping, allowed: readonly string[], where: string, fail: Fail): void {
  for (const key of Object.keys(map)) {
    if (!allowed.includes(key)) {
      fail(`${where}unknown field "${key}" (known fields: ${allowed.join(', ')})`);
    }
  }
}

function readString(map: Mapping, key: string, where: string, fail: Fail): string | undefined {
  const v = map[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return fail(`${where}${key} must be a single value, not ${JSON.stringify(v)}`);
}

function readNetworks(top: Mapping, fail: Fail): Networks {
  const get = (key: keyof typeof LAYOUT_DEFAULTS & string): string =>
    readString(top, key, '', fail) ?? (LAYOUT_DEFAULTS[key] as string);
  const networks = {
    podSubnet: get('podSubnet'),
    serviceSubnet: get('serviceSubnet'),
    dnsDomain: get('dnsDomain'),
    nodeSubnet: get('nodeSubnet'),
  };
  for (const key of ['podSubnet', 'serviceSubnet', 'nodeSubnet'] as const) {
    if (!parseCidr(networks[key])) fail(`${key} "${networks[key]}" is not an IPv4 CIDR such as 10.244.0.0/16`);
  }
  if (cidrSize(parseCidr(networks.serviceSubnet)!) < 16) {
    fail(`serviceSubnet "${networks.serviceSubnet}" is too small: it needs room for kube-dns (its 10th address)`);
  }
  if (parseCidr(networks.podSubnet)!.prefix > 24) {
    fail(`podSubnet "${networks.podSubnet}" is too small: each node takes a /24 of it`);
  }
  if (!isDNS1123Subdomain(networks.dnsDomain)) fail(`dnsDomain "${networks.dnsDomain}" is not a DNS domain`);
  return networks;
}

function readDefaults(raw: unknown, fail: Fail): Defaults {
  const map = raw === undefined || raw === null ? {} : asMapping(raw, '"defaults"', fail);
  checkKeys(map, DEFAULT_KEYS, 'defaults: ', fail);
  const sizes = readSizes(map, 'defaults: ', LAYOUT_DEFAULTS.sizes, fail);
  return { sizes, labels: readLabels(map.labels, 'defaults: ', fail) };
}

function readSizes(map: Mapping, where: string, fallback: Record<string, string>, fail: Fail): Record<string, string> {
  const sizes: Record<string, string> = {};
  for (const key of SIZE_KEYS) {
    const text = readString(map, key, where, fail) ?? fallback[key]!;
    const q = parseQuantity(text);
    if (!q) fail(`${where}${key} "${text}" is not a quantity (such as 2, 500m, 4Gi or 4015772Ki)`);
    if (q.milli <= 0n) fail(`${where}${key} "${text}" must be more than zero`);
    if (key === 'pods' && q.milli % 1000n !== 0n) fail(`${where}pods "${text}" is not a whole number`);
    sizes[key] = formatQuantity(q);
  }
  return sizes;
}

function readLabels(raw: unknown, where: string, fail: Fail): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  const map = asMapping(raw, `${where}labels`, fail);
  const labels: Record<string, string> = {};
  for (const key of Object.keys(map)) {
    const v = map[key];
    const value = v === null ? '' : typeof v === 'object' ? undefined : String(v);
    if (!isQualifiedName(key)) fail(`${where}label key "${key}" is not a valid label key`);
    if (value === undefined || !isLabelValue(value)) {
      fail(`${where}label "${key}" has value ${JSON.stringify(v)}, which is not a valid label value`);
    }
    labels[key] = value;
  }
  return labels;
}

function readNode(raw: unknown, index: number, defaults: Defaults, networks: Networks, fail: Fail): PendingNode {
  const map = asMapping(raw, `node ${index + 1}`, fail);
  const name = readString(map, 'name', `node ${index + 1}: `, fail);
  if (name === undefined || name === '') fail(`node ${index + 1} has no name`);
  if (!isDNS1123Subdomain(name)) {
    fail(`node name "${name}" is not valid: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`);
  }
  const where = `node "${name}": `;
  checkKeys(map, NODE_KEYS, where, fail);
  const role = readString(map, 'role', where, fail) ?? 'worker';
  if (!(ROLES as readonly string[]).includes(role)) fail(`${where}role "${role}" is not one of ${ROLES.join(', ')}`);
  const ip = readString(map, 'ip', where, fail);
  if (ip !== undefined && !isIPv4(ip)) fail(`${where}ip "${ip}" is not an IPv4 address`);
  const podCIDR = readPodCIDR(map, where, networks, fail);
  const sizes = readSizes(map, where, defaults.sizes, fail);
  const labels = { ...defaults.labels, ...readLabels(map.labels, where, fail) };
  return { name, role: role as NodeSpec['role'], sizes, labels, ip, podCIDR };
}

function readPodCIDR(map: Mapping, where: string, networks: Networks, fail: Fail): string | undefined {
  const text = readString(map, 'podCIDR', where, fail);
  if (text === undefined) return undefined;
  const cidr = parseCidr(text);
  if (!cidr) fail(`${where}podCIDR "${text}" is not an IPv4 CIDR such as 10.244.1.0/24`);
  const pod = parseCidr(networks.podSubnet)!;
  if (cidr.prefix < pod.prefix || !cidrContains(pod, text.split('/')[0]!)) {
    fail(`${where}podCIDR "${text}" is not inside podSubnet "${networks.podSubnet}"`);
  }
  return `${intToIp(cidr.base)}/${cidr.prefix}`;
}

function checkCluster(nodes: PendingNode[], fail: Fail): void {
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.name)) fail(`node name "${n.name}" is used by more than one node`);
    seen.add(n.name);
  }
  const planes = nodes.filter((n) => n.role === 'control-plane').map((n) => `"${n.name}"`);
  if (planes.length === 0) fail('has no control-plane node: give exactly one node "role: control-plane"');
  if (planes.length > 1) {
    fail(`has ${planes.length} control-plane nodes (${planes.join(', ')}): exactly one is allowed`);
  }
}
