// The Available condition of a Service-backed APIService, as kube-aggregator's remote availability
// controller decides it: the Service exists and has the port, its Endpoints have an address with
// that port's name, and the server behind it answers the group-version's discovery (here: one of
// the endpoint pods runs the image that serves the group). Local APIServices are always available.
import type { KObject } from '../types.js';
import type { ObjectStorage } from '../storage/storage.js';
import { endpoints as endpointsD } from '../resources/endpoints.js';
import { pod as podD } from '../resources/pod.js';
import { service as serviceD } from '../resources/service.js';

export interface Condition {
  type: 'Available';
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

export interface ServiceRef {
  namespace: string;
  name: string;
  port: number;
}

interface Address { ip: string; targetRef?: { kind?: string; name?: string; namespace?: string } }
interface Subset { addresses?: Address[]; ports?: { name?: string; port: number }[] }

const passed: Omit<Condition, 'lastTransitionTime'> = { type: 'Available', status: 'True', reason: 'Passed', message: 'all checks passed' };
const no = (reason: string, message: string): Omit<Condition, 'lastTransitionTime'> => ({ type: 'Available', status: 'False', reason, message });

export function serviceRefOf(apiService: KObject): ServiceRef | undefined {
  const s = (apiService.spec as { service?: { namespace?: string; name?: string; port?: number } | null } | undefined)?.service;
  return s ? { namespace: s.namespace ?? '', name: s.name ?? '', port: s.port ?? 443 } : undefined;
}

/** The ready endpoint addresses of the service port named portName, with their port numbers. */
function readyAddresses(ep: KObject, portName: string): { address: Address; port: number }[] {
  const out: { address: Address; port: number }[] = [];
  for (const ss of ((ep as { subsets?: Subset[] }).subsets ?? [])) {
    const port = (ss.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (!port) continue;
    for (const a of ss.addresses ?? []) out.push({ address: a, port: port.port });
  }
  return out;
}

/** Whether pod runs a container of the image repository that serves the group. */
async function runsServer(storage: ObjectStorage, a: Address, image: string): Promise<boolean> {
  const ref = a.targetRef;
  if (ref?.kind !== 'Pod' || !ref.name) return false;
  const pod = await storage.tryGet(podD, ref.namespace, ref.name);
  const containers = (pod?.spec as { containers?: { image?: string }[] } | undefined)?.containers ?? [];
  return containers.some((c) => (c.image ?? '').split('@')[0]!.replace(/:[^/:]*$/, '').endsWith(image));
}

export interface Availability {
  condition: Omit<Condition, 'lastTransitionTime'>;
  /** The pod that answers (the ready endpoint running the server's image). */
  server?: { namespace: string; name: string };
}

/** The endpoint addresses of the Service's port, or why the APIService is not available. */
async function endpointsOf(storage: ObjectStorage, ref: ServiceRef): Promise<{ addresses: { address: Address; port: number }[] } | Availability> {
  const where = `service/${ref.name} in ${JSON.stringify(ref.namespace)}`;
  const svc = await storage.tryGet(serviceD, ref.namespace, ref.name);
  if (!svc) return { condition: no('ServiceNotFound', `${where} is not present`) };
  const spec = (svc.spec ?? {}) as { type?: string; ports?: { name?: string; port: number }[] };
  if ((spec.type ?? 'ClusterIP') !== 'ClusterIP') return { addresses: [] };
  const port = (spec.ports ?? []).find((p) => p.port === ref.port);
  if (!port) return { condition: no('ServicePortError', `${where} is not listening on port ${ref.port}`) };
  const ep = await storage.tryGet(endpointsD, ref.namespace, ref.name);
  if (!ep) return { condition: no('EndpointsNotFound', `cannot find endpoints for ${where}`) };
  const addresses = readyAddresses(ep, port.name ?? '');
  if (!addresses.length) return { condition: no('MissingEndpoints', `endpoints for ${where} have no addresses with port name ${JSON.stringify(port.name ?? '')}`) };
  return { addresses };
}

/**
 * Whether the APIService is available now. serverImage is the repository path of the image that
 * serves its group-version here (undefined when nothing does: the discovery check then fails).
 */
export async function availability(storage: ObjectStorage, apiService: KObject, serverImage: string | undefined): Promise<Availability> {
  const ref = serviceRefOf(apiService);
  if (!ref) return { condition: { type: 'Available', status: 'True', reason: 'Local', message: 'Local APIServices are always available' } };
  const eps = await endpointsOf(storage, ref);
  if ('condition' in eps) return eps;
  for (const a of eps.addresses) {
    const t = a.address.targetRef;
    if (serverImage && t?.name && (await runsServer(storage, a.address, serverImage))) return { condition: passed, server: { namespace: t.namespace ?? ref.namespace, name: t.name } };
  }
  const gv = (apiService.spec ?? {}) as { group?: string; version?: string };
  const first = eps.addresses[0];
  const host = first ? `${first.address.ip}:${first.port}` : `${ref.name}.${ref.namespace}.svc:${ref.port}`;
  const url = `https://${host}/apis/${gv.group ?? ''}/${gv.version ?? ''}`;
  return { condition: no('FailedDiscoveryCheck', `failing or missing response from ${url}: Get "${url}": dial tcp ${host}: connect: connection refused`) };
}
