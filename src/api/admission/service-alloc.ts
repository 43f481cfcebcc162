// ClusterIP and NodePort allocation for Services, from the service subnet and 30000-32767, with
// upstream's errors for taken or out-of-range requests. Picks are injectable for stable tests.
import type { AdmissionPlugin } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { service } from '../resources/service.js';
import { invalid } from '../errors.js';

interface Port { nodePort?: number }
interface Spec {
  type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: Port[]; ipFamilies?: string[]; ipFamilyPolicy?: string;
  externalTrafficPolicy?: string; healthCheckNodePort?: number;
}

const ipToInt = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

export interface AllocOptions {
  serviceSubnet: string;
  /** A random integer in [0, n). */
  pick?: (n: number) => number;
}

function cidr(subnet: string): { base: number; size: number } {
  const [ip, bits] = subnet.split('/');
  const size = 2 ** (32 - Number(bits));
  return { base: ipToInt(ip!) & ~(size - 1) >>> 0, size };
}

const fail = (obj: KObject, field: string, bad: unknown, detail: string) =>
  invalid('Service', '', 'Service', obj.metadata.name ?? '', [{ type: 'Invalid', field, badValue: bad, detail }]);

export function serviceAllocation(storage: ObjectStorage, opts: AllocOptions): AdmissionPlugin {
  const pick = opts.pick ?? ((n: number) => Math.floor(Math.random() * n));
  const net = cidr(opts.serviceSubnet);
  return {
    name: 'ServiceAllocation',
    async admit(req) {
      if (req.d !== service || req.subresource || !req.obj || req.op === 'DELETE') return;
      const spec = (req.obj.spec ??= {}) as Spec;
      const others = (await storage.list(service, undefined)).items.filter((s) => s.metadata.uid !== req.obj!.metadata.uid);
      const usedIps = new Set(others.map((s) => (s.spec as Spec).clusterIP).filter(Boolean));
      const usedPorts = new Set(others.flatMap((s) => [...((s.spec as Spec).ports ?? []).map((p) => p.nodePort), (s.spec as Spec).healthCheckNodePort]).filter(Boolean));
      if (spec.type !== 'ExternalName') allocateIp(req.obj, spec, req.old, usedIps, net, pick);
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') allocatePorts(req.obj, spec, usedPorts, pick);
      // A LoadBalancer that keeps traffic on the node (Local) gets a health-check node port too.
      if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort) {
        spec.healthCheckNodePort = (req.old?.spec as Spec | undefined)?.healthCheckNodePort ?? freePort(usedPorts, pick);
      }
    },
  };
}

function allocateIp(obj: KObject, spec: Spec, old: KObject | undefined, used: Set<string | undefined>, net: { base: number; size: number }, pick: (n: number) => number): void {
  const oldIp = (old?.spec as Spec | undefined)?.clusterIP;
  if (!spec.clusterIP && oldIp) spec.clusterIP = oldIp;
  if (spec.clusterIP && spec.clusterIP !== 'None' && spec.clusterIP !== oldIp) {
    const n = ipToInt(spec.clusterIP);
    const ips = [spec.clusterIP];
    if (n < net.base || n >= net.base + net.size) {
      throw fail(obj, 'spec.clusterIPs', ips, `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${intToIp(net.base)}/${32 - Math.log2(net.size)}`);
    }
    if (used.has(spec.clusterIP)) throw fail(obj, 'spec.clusterIPs', ips, `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
  }
  if (!spec.clusterIP) {
    for (let tries = 0; tries < 4096; tries++) {
      const ip = intToIp(net.base + 1 + pick(net.size - 2));
      if (!used.has(ip)) {
        spec.clusterIP = ip;
        break;
      }
    }
  }
  spec.clusterIPs = [spec.clusterIP!];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
}

function allocatePorts(obj: KObject, spec: Spec, used: Set<number | undefined>, pick: (n: number) => number): void {
  (spec.ports ?? []).forEach((p, i) => {
    if (p.nodePort) {
      if (p.nodePort < 30000 || p.nodePort > 32767) {
        throw fail(obj, `spec.ports[${i}].nodePort`, p.nodePort, 'provided port is not in the valid range. The range of valid ports is 30000-32767');
      }
      if (used.has(p.nodePort)) throw fail(obj, `spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated');
    } else {
      p.nodePort = freePort(used, pick);
    }
    used.add(p.nodePort);
  });
}

function freePort(used: Set<number | undefined>, pick: (n: number) => number): number {
  let port: number;
  do port = 30000 + pick(2768);
  while (used.has(port));
  used.add(port);
  return port;
}
