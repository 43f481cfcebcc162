// The ports and addresses of `kubectl port-forward`, as kubectl 1.32 reads them: a Service's
// ports become its pods' target ports (a named targetPort looked up in the pod, a headless
// Service's port kept), a pod's named ports their numbers, UDP-only ports refused; then
// client-go's parsePorts (`[LOCAL:]REMOTE`, `:REMOTE` for a random local port) and
// parseAddresses (localhost is 127.0.0.1 and ::1, both required to fail before it fails).
import { isIP } from 'node:net';

export interface PortSpec { name?: string; containerPort: number; protocol?: string }
export interface PfPod {
  metadata: { name?: string };
  spec?: { containers?: { ports?: PortSpec[] }[]; initContainers?: { ports?: PortSpec[] }[] };
}
export interface ServicePort { name?: string; port: number; protocol?: string; targetPort?: number | string }
export interface PfService { metadata: { name?: string }; spec?: { clusterIP?: string; ports?: ServicePort[] } }

export interface ForwardedPort { local: number; remote: number }
export interface ListenAddress { address: string; family: 4 | 6; failureMode: 'all' | 'any' }

/** `[LOCAL:]REMOTE`, a bare port being both. */
export function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

/** strconv.Atoi: an optional sign and decimal digits. */
const atoi = (s: string): number | undefined => (/^[+-]?\d+$/.test(s) ? Number(s) : undefined);

function containerPortByName(pod: PfPod, name: string): number {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const p = (c.ports ?? []).find((x) => x.name === name);
    if (p) return p.containerPort;
  }
  throw new Error(`Pod '${pod.metadata.name ?? ''}' does not have a named port '${name}'`);
}

function servicePortByName(svc: PfService, name: string): number {
  const p = (svc.spec?.ports ?? []).find((x) => x.name === name);
  if (!p) throw new Error(`Service '${svc.metadata.name ?? ''}' does not have a named port '${name}'`);
  return p.port;
}

/** LookupContainerPortNumberByServicePort. */
function targetPortOf(svc: PfService, pod: PfPod, port: number): number {
  const sp = (svc.spec?.ports ?? []).find((x) => x.port === port);
  if (!sp) throw new Error(`Service ${svc.metadata.name ?? ''} does not have a service port ${port}`);
  if (svc.spec?.clusterIP === 'None') return port;
  if (typeof sp.targetPort === 'string') return containerPortByName(pod, sp.targetPort);
  return sp.targetPort ? sp.targetPort : sp.port;
}

const joinPorts = (local: string, remote: string): string => (local !== remote ? `${local}:${remote}` : remote);

/** translateServicePortToTargetPort. */
export function translateServicePorts(ports: string[], svc: PfService, pod: PfPod): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let num = atoi(remote);
    if (num === undefined) {
      num = servicePortByName(svc, remote);
      if (local === remote) local = String(num);
    }
    return joinPorts(local, String(targetPortOf(svc, pod, num)));
  });
}

/** convertPodNamedPortToNumber. */
export function convertNamedPorts(ports: string[], pod: PfPod): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new Error('remote port cannot be empty');
    const number = atoi(remote) === undefined ? String(containerPortByName(pod, remote)) : remote;
    return local !== remote ? `${local}:${number}` : number;
  });
}

/** Ports that are UDP and not also TCP. */
function udpOnly(specs: { port: number; protocol?: string }[]): Set<number> {
  const udp = new Set(specs.filter((s) => s.protocol === 'UDP').map((s) => s.port));
  for (const s of specs) if (s.protocol === 'TCP') udp.delete(s.port);
  return udp;
}

/** checkUDPPortInPod / checkUDPPortInService. */
export function checkUdpPorts(ports: string[], obj: { kind: 'pod'; pod: PfPod } | { kind: 'service'; svc: PfService }): void {
  const specs = obj.kind === 'pod'
    ? (obj.pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, ...(p.protocol ? { protocol: p.protocol } : {}) })))
    : (obj.svc.spec?.ports ?? []).map((p) => ({ port: p.port, ...(p.protocol ? { protocol: p.protocol } : {}) }));
  const udp = udpOnly(specs);
  for (const port of ports) {
    const remote = splitPort(port)[1];
    const n = atoi(remote) ?? (obj.kind === 'pod' ? containerPortByName(obj.pod, remote) : servicePortByName(obj.svc, remote));
    if (udp.has(n)) throw new Error(`UDP protocol is not supported for ${remote}`);
  }
}

/** strconv.ParseUint(s, 10, 16)'s error text. */
function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  return n > 65535 ? `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range` : n;
}

/** client-go's parsePorts. */
export function parsePorts(ports: string[]): ForwardedPort[] {
  return ports.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new Error(`invalid port format '${spec}'`);
    const local = parts.length === 1 ? parts[0]! : parts[0] || '0';
    const remote = parts.length === 1 ? parts[0]! : parts[1]!;
    const l = parseUint16(local);
    if (typeof l === 'string') throw new Error(`error parsing local port '${local}': ${l}`);
    const r = parseUint16(remote);
    if (typeof r === 'string') throw new Error(`error parsing remote port '${remote}': ${r}`);
    if (r === 0) throw new Error('remote port must be > 0');
    return { local: l, remote: r };
  });
}

/** client-go's parseAddresses, sorted by address. */
export function parseAddresses(list: string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>();
  for (const a of list) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', family: 4, failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', family: 6, failureMode: 'all' });
    } else if (isIP(a) === 4) parsed.set(a, { address: a, family: 4, failureMode: 'any' });
    else if (isIP(a) === 6) parsed.set(a, { address: a, family: 6, failureMode: 'any' });
    else throw new Error(`${a} is not a valid IP`);
  }
  return [...parsed.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

/** net.JoinHostPort. */
export const joinHostPort = (host: string, port: number): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
