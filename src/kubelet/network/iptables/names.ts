// kube-proxy's names for a Service port and its iptables chains (pkg/proxy/iptables/proxier.go
// v1.32: portProtoHash, servicePortPolicyClusterChain, servicePortPolicyLocalChainName,
// serviceExternalChainName, servicePortEndpointChainName): prefix + the first 16 characters of
// base32(sha256(servicePortName + protocol [+ endpoint])), protocol in lower case. The port name
// is ServicePortName.String(): "namespace/name", then ":port-name" when the port has a name.
// Checked against real dumps: default/kubernetes:https tcp → KUBE-SVC-NPX46M4PTMTKRN6Y,
// kube-system/kube-dns:dns udp 10.244.0.3:53 → KUBE-SEP-6E7XQMQ4RAYOWTTM (kubernetes PR #114470).
import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (Go's base32.StdEncoding) without the padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32(createHash('sha256').update(servicePortName + protocol).digest()).slice(0, 16);
}

export const svcChain = (spn: string, proto: string): string => `KUBE-SVC-${portProtoHash(spn, proto)}`;
export const svlChain = (spn: string, proto: string): string => `KUBE-SVL-${portProtoHash(spn, proto)}`;
export const extChain = (spn: string, proto: string): string => `KUBE-EXT-${portProtoHash(spn, proto)}`;

export function sepChain(spn: string, proto: string, endpoint: string): string {
  return `KUBE-SEP-${base32(createHash('sha256').update(spn + proto + endpoint).digest()).slice(0, 16)}`;
}

/** ServicePortName.String(): "ns/name" or "ns/name:port". */
export function servicePortName(namespace: string, name: string, port: string | undefined): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}
