// Session affinity as kube-proxy programs it for a Service with sessionAffinity: ClientIP (the
// iptables `recent` match): a client that reached an endpoint of the Service port within
// timeoutSeconds (10800 by default) goes to the same endpoint again while it is still ready.
import type { Backend } from './endpoints.js';
import type { Service, ServicePort } from './types.js';

const DEFAULT_TIMEOUT_S = 10800;

export class SessionAffinity {
  private readonly seen = new Map<string, { backend: Backend; at: number }>();

  constructor(private readonly now: () => number) {}

  /** The backend for client among backends: the remembered one, else pick()'s, remembered. */
  choose(svc: Service, sp: ServicePort, client: string, backends: Backend[], pick: () => Backend | undefined): Backend | undefined {
    if (svc.spec?.sessionAffinity !== 'ClientIP') return pick();
    const key = `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}:${sp.port}/${client}`;
    const timeoutMs = (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000;
    const t = this.now();
    const prev = this.seen.get(key);
    const still = prev && t - prev.at <= timeoutMs ? backends.find((b) => b.ip === prev.backend.ip && b.port === prev.backend.port) : undefined;
    const chosen = still ?? pick();
    if (chosen) this.seen.set(key, { backend: chosen, at: t });
    return chosen;
  }
}
