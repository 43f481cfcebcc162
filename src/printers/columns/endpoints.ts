// endpoints (core/v1): printEndpoints — NAME ENDPOINTS AGE; at most 3 `ip:port`, then ` + N more...`.
import { ageColumn, column, nameColumn } from './define.js';
import { num, recs, str, type Fields } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

const MAX = 3;

/** net.JoinHostPort: IPv6 addresses go in brackets. */
function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

interface Tally {
  list: string[];
  count: number;
  more: boolean;
}

function add(tally: Tally, addresses: Fields[], render: (ip: string) => string): void {
  tally.count += addresses.length;
  for (const address of addresses) {
    if (tally.list.length === MAX) {
      tally.more = true;
      break;
    }
    tally.list.push(render(str(address.ip)));
  }
}

/** formatEndpoints with no port filter: headless subsets list bare IPs. */
export function formatEndpoints(subsets: unknown): string {
  const all = recs(subsets);
  if (all.length === 0) return '<none>';
  const tally: Tally = { list: [], count: 0, more: false };
  for (const subset of all) {
    const addresses = recs(subset.addresses);
    const ports = recs(subset.ports);
    if (ports.length === 0) add(tally, addresses, (ip) => ip);
    for (const port of ports) add(tally, addresses, (ip) => hostPort(ip, num(port.port)));
  }
  const text = tally.list.join(',');
  return tally.more ? `${text} + ${tally.count - MAX} more...` : text;
}

export const endpointsColumns: ColumnSet = {
  columns: [nameColumn(), column('Endpoints', 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.'), ageColumn()],
  cells(ep, { now }) {
    return [ep.metadata.name ?? '', formatEndpoints(ep.subsets), age(ep, now)];
  },
};
