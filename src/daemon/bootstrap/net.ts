// IPv4 addresses and CIDRs as a cluster's networks need them: the n-th address of a subnet (the
// kubernetes Service's 10.96.0.1, kube-dns's 10.96.0.10) and the n-th /24 of the pod subnet.

export interface Cidr {
  base: number;
  prefix: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Parses `a.b.c.d/n`; undefined when it is not an IPv4 CIDR. The host bits are masked off. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m || !isIPv4(m[1]!)) return undefined;
  const prefix = Number(m[2]);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { base: Math.floor(ipToInt(m[1]!) / size) * size, prefix };
}

export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

export function cidrContains(c: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n >= c.base && n < c.base + cidrSize(c);
}

/** The n-th address of a CIDR (n = 1 is the first usable one). */
export function nthIP(cidr: string, n: number): string {
  const c = parseCidr(cidr);
  if (!c) throw new Error(`"${cidr}" is not an IPv4 CIDR`);
  return intToIp(c.base + n);
}

/** The n-th subnet of the given prefix length inside a CIDR (10.244.0.0/16, 24, 1 → 10.244.1.0/24). */
export function nthSubnet(cidr: string, prefix: number, n: number): string | undefined {
  const c = parseCidr(cidr);
  if (!c || prefix < c.prefix || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if ((n + 1) * size > cidrSize(c)) return undefined;
  return `${intToIp(c.base + n * size)}/${prefix}`;
}
