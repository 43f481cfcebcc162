// Endpoints subsets in their canonical layout (pkg/api/v1/endpoints RepackSubsets): every
// (address, port) pair regrouped so addresses offering the same ports share a subset, an
// address not ready for any one port listed as not ready for it, addresses sorted by IP then
// UID; and the truncation the Endpoints controller applies past 1000 addresses.
import { createHash } from 'node:crypto';

export interface ObjectRef {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectRef;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** maxCapacity: addresses kept in one Endpoints object. */
export const MAX_CAPACITY = 1000;

const addrKey = (a: EndpointAddress) => `${a.ip}\0${a.targetRef?.uid ?? ''}`;
const portKey = (p: EndpointPort) => JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null]);

/** LessEndpointAddress: by IP bytes, then target UID (no target first). */
export function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (!b.targetRef) return a.targetRef ? 1 : 0;
  if (!a.targetRef) return -1;
  const [x, y] = [a.targetRef.uid ?? '', b.targetRef.uid ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Upstream orders ports and subsets by an md5 of their contents; so do we (of their JSON). */
const hashOf = (v: unknown): string => createHash('md5').update(JSON.stringify(v)).digest('hex');
const byHash = <T>(xs: T[]): T[] => xs.map((x) => [hashOf(x), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, x]) => x);

/** The sentinel port portless subsets (headless services without ports) are grouped under. */
const NO_PORT: EndpointPort = { port: -1 };

/** port → (address key → ready), not ready winning over ready; addresses kept by key. */
function mapByPort(subsets: EndpointSubset[]) {
  const addrs = new Map<string, EndpointAddress>();
  const ports = new Map<string, { port: EndpointPort; ready: Map<string, boolean> }>();
  const note = (a: EndpointAddress, p: EndpointPort, ready: boolean) => {
    const k = addrKey(a);
    if (!addrs.has(k)) addrs.set(k, a);
    const pk = portKey(p);
    const entry = ports.get(pk) ?? ports.set(pk, { port: p, ready: new Map() }).get(pk)!;
    if (entry.ready.get(k) !== false) entry.ready.set(k, ready);
  };
  for (const s of subsets) {
    for (const p of s.ports?.length ? s.ports : [NO_PORT]) {
      for (const a of s.addresses ?? []) note(a, p, true);
      for (const a of s.notReadyAddresses ?? []) note(a, p, false);
    }
  }
  return { addrs, ports };
}

/** RepackSubsets. */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const { addrs, ports } = mapByPort(subsets);
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of ports.values()) {
    const key = JSON.stringify([...ready].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    const g = groups.get(key) ?? groups.set(key, { ready, ports: [] }).get(key)!;
    if (port.port > 0) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    const ready = [...g.ready].filter(([, r]) => r).map(([k]) => addrs.get(k)!);
    const notReady = [...g.ready].filter(([, r]) => !r).map(([k]) => addrs.get(k)!);
    if (ready.length) s.addresses = ready;
    if (notReady.length) s.notReadyAddresses = notReady;
    if (g.ports.length) s.ports = g.ports;
    out.push(s);
  }
  return sortSubsets(out);
}

/** SortSubsets: addresses by IP and UID, ports and subsets by hash. */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const s of subsets) {
    s.addresses?.sort(compareAddresses);
    s.notReadyAddresses?.sort(compareAddresses);
    if (s.ports) s.ports = byHash(s.ports);
  }
  return byHash(subsets);
}

export const addressCount = (subsets: EndpointSubset[]): number =>
  subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);

/**
 * truncateEndpoints: past MAX_CAPACITY, keep each subset's share (rounded up) of the room left,
 * ready addresses first; not-ready ones go entirely when the ready ones alone overflow.
 * Returns whether it truncated.
 */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  if (ready + notReady <= MAX_CAPACITY) return false;
  const truncateReady = ready > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - ready;
  const total = truncateReady ? ready : notReady;
  let room = max;
  for (const s of subsets) {
    const inSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const take = Math.min(Math.ceil((inSubset / total) * max), room);
    if (truncateReady) {
      s.addresses = (s.addresses ?? []).slice(0, take);
      delete s.notReadyAddresses;
      room -= s.addresses.length;
    } else {
      s.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, take);
      room -= s.notReadyAddresses.length;
    }
    if (!s.addresses?.length) delete s.addresses;
    if (!s.notReadyAddresses?.length) delete s.notReadyAddresses;
  }
  return true;
}
