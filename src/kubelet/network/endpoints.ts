// A Service's ready backends for one of its ports, as kube-proxy programs them: the ready
// endpoints of the Service's EndpointSlices (kubernetes.io/service-name) with the slice port of
// the same name; without slices to read, the ready pods its selector picks (targetPort, a name
// looked up in the pod's container ports).
import type { NetPod, NetSnapshot, Service, ServicePort } from './types.js';
import { podReady } from './types.js';

export interface Backend {
  ip: string;
  port: number;
}

const SERVICE_NAME = 'kubernetes.io/service-name';

export function readyBackends(snap: NetSnapshot, svc: Service, sp: ServicePort): Backend[] {
  return snap.slices ? fromSlices(snap, svc, sp) : fromSelector(snap, svc, sp);
}

/** The ready endpoint addresses of the Service, whatever the port (headless DNS answers). */
export function readyAddresses(snap: NetSnapshot, svc: Service): string[] {
  const sp = svc.spec?.ports?.[0] ?? { port: 0 };
  const ips = readyBackends(snap, svc, sp).map((b) => b.ip);
  return [...new Set(ips)];
}

function fromSlices(snap: NetSnapshot, svc: Service, sp: ServicePort): Backend[] {
  const mine = (snap.slices ?? []).filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[SERVICE_NAME] === svc.metadata.name);
  const out: Backend[] = [];
  for (const s of mine) {
    const port = (s.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? ''))?.port ?? (s.ports?.length ? undefined : 0);
    if (port === undefined) continue;
    for (const e of s.endpoints ?? []) {
      if (e.conditions?.ready === false) continue;
      for (const ip of e.addresses) out.push({ ip, port });
    }
  }
  return out;
}

function selects(selector: Record<string, string>, p: NetPod): boolean {
  return Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v);
}

/** The pod's port for a targetPort: a number, a container port's name, or the service port. */
export function targetPortOf(p: NetPod, sp: ServicePort): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  const named = (p.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((cp) => cp.name === t);
  return named?.containerPort;
}

function fromSelector(snap: NetSnapshot, svc: Service, sp: ServicePort): Backend[] {
  const selector = svc.spec?.selector;
  if (!selector || !Object.keys(selector).length) return [];
  const pods = snap.pods.filter((p) => p.metadata.namespace === svc.metadata.namespace && selects(selector, p) && podReady(p) && p.status?.podIP);
  return pods.flatMap((p) => {
    const port = targetPortOf(p, sp);
    return port === undefined ? [] : [{ ip: p.status!.podIP!, port }];
  });
}
