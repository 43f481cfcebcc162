// Pod IPs from the node's podCIDR, as the host-local IPAM plugin hands them out: the first
// address is the bridge's gateway, pods get the next free one after the last given. IPs of pods
// the API already shows on this node are taken back at start, so a daemon restart keeps them.

const toInt = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export class PodIpam {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Map<string, string>();
  private last: number;

  constructor(cidr: string) {
    const [ip, bits] = cidr.split('/');
    const prefix = Number(bits ?? 24);
    this.size = 2 ** (32 - prefix);
    this.base = toInt(ip ?? '10.244.0.0') - (toInt(ip ?? '10.244.0.0') % this.size);
    this.last = this.base + 1;
  }

  contains(ip: string): boolean {
    const n = toInt(ip);
    return n > this.base + 1 && n < this.base + this.size - 1;
  }

  /** Marks ip as owner's (a pod found running at start). */
  claim(owner: string, ip: string): boolean {
    if (!this.contains(ip) || [...this.used.values()].includes(ip)) return false;
    this.used.set(owner, ip);
    return true;
  }

  /** owner's IP, allocating the next free one. */
  allocate(owner: string): string {
    const have = this.used.get(owner);
    if (have) return have;
    const taken = new Set(this.used.values());
    for (let i = 1; i < this.size - 2; i++) {
      const n = this.base + 2 + ((this.last - this.base - 2 + i) % (this.size - 3));
      const ip = toIp(n);
      if (!taken.has(ip)) {
        this.last = n;
        this.used.set(owner, ip);
        return ip;
      }
    }
    throw new Error(`no IP addresses available in range set: ${toIp(this.base + 2)}-${toIp(this.base + this.size - 2)}`);
  }

  release(owner: string): void {
    this.used.delete(owner);
  }
}
