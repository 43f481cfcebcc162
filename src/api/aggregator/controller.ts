// The aggregation layer inside the apiserver (kube-aggregator): every second it reads the
// APIServices, decides each one's Available condition (writing it to status when it changes, the
// transition time only when the status flips, as SetAPIServiceCondition does) and keeps the
// Service-backed ones for discovery and routing.
import type { KObject } from '../types.js';
import type { Registry } from '../registry/rest.js';
import { systemContext } from '../registry/context.js';
import { rfc3339 } from '../registry/context.js';
import { apiService as apiServiceD } from '../resources/apiservice.js';
import { availability, serviceRefOf, type Condition } from './status.js';
import type { ExtensionServer, Registration } from './types.js';
import { registerLocal } from './local.js';
import { servedGroups } from '../resources/index.js';

const SYSTEM = systemContext({ name: 'system:apiserver', groups: ['system:masters'] });

interface Spec { group?: string; version?: string; groupPriorityMinimum?: number; versionPriority?: number }

function currentCondition(a: KObject): Condition | undefined {
  return ((a.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Available');
}

export class Aggregator {
  private regs: Registration[] = [];
  private readonly discovered = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly registry: Registry, private readonly extensions: ExtensionServer[], private readonly now: () => number) {}

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sync()).catch(() => {});
    }, intervalMs);
    this.timer.unref();
    this.running = registerLocal(this.registry, servedGroups()).then(() => this.sync()).catch(() => {});
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** The Service-backed APIServices, by group then version priority. */
  registrations(): Registration[] {
    return this.regs;
  }

  find(group: string, version: string): Registration | undefined {
    return this.regs.find((r) => r.group === group && r.version === version);
  }

  private extensionFor(spec: Spec): ExtensionServer | undefined {
    return this.extensions.find((e) => e.group === spec.group && e.version === spec.version);
  }

  /** One pass: status of every APIService, then the registrations. */
  async sync(): Promise<void> {
    const list = (await this.registry.storage.list(apiServiceD, undefined)).items;
    const regs: Registration[] = [];
    for (const a of list) {
      const spec = (a.spec ?? {}) as Spec;
      const ext = this.extensionFor(spec);
      const got = await availability(this.registry.storage, a, ext?.image);
      await this.writeCondition(a, got.condition);
      const service = serviceRefOf(a);
      if (!service) continue;
      const name = a.metadata.name ?? '';
      const available = got.condition.status === 'True';
      if (available) this.discovered.add(name);
      regs.push({
        name, group: spec.group ?? '', version: spec.version ?? '', service, groupPriorityMinimum: spec.groupPriorityMinimum ?? 0, versionPriority: spec.versionPriority ?? 0,
        available, discovered: this.discovered.has(name), server: got.server, extension: ext,
      });
    }
    for (const n of this.discovered) if (!regs.some((r) => r.name === n)) this.discovered.delete(n);
    this.regs = regs.sort((x, y) => y.groupPriorityMinimum - x.groupPriorityMinimum || x.group.localeCompare(y.group) || y.versionPriority - x.versionPriority);
  }

  private async writeCondition(a: KObject, want: Omit<Condition, 'lastTransitionTime'>): Promise<void> {
    const cur = currentCondition(a);
    if (cur && cur.status === want.status && cur.reason === want.reason && cur.message === want.message) return;
    const lastTransitionTime = cur && cur.status === want.status && cur.lastTransitionTime ? cur.lastTransitionTime : rfc3339(this.now());
    const next: Condition = { type: 'Available', status: want.status, lastTransitionTime, reason: want.reason, message: want.message };
    try {
      await this.registry.guaranteedUpdate(apiServiceD, undefined, a.metadata.name ?? '', SYSTEM, 'status', (obj) => {
        const conditions = ((obj.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter((c) => c.type !== 'Available');
        return { ...obj, status: { ...(obj.status as object), conditions: [...conditions, next] } };
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 404) throw err;
    }
  }
}
