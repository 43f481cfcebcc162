// API Priority and Fairness inside the apiserver, less the throttling: the config producer
// creates the missing bootstrap priority levels and flow schemas at start and once a minute after,
// putting back the spec of those still annotated for automatic updates; every second the config
// consumer sets each FlowSchema's Dangling condition (False, Found when its priority level exists;
// True, NotFound when not), stamping the transition time when the condition changes.
import type { KObject } from '../types.js';
import type { Registry } from '../registry/rest.js';
import { rfc3339, systemContext } from '../registry/context.js';
import { findByKind } from '../resources/index.js';
import { flowSchema } from '../resources/flowschema.js';
import { priorityLevelConfiguration } from '../resources/prioritylevelconfiguration.js';
import { semanticEqual } from '../validation/json.js';
import { AUTO_UPDATE, bootstrapFlowControl } from './bootstrap.js';

const SYSTEM = systemContext({ name: 'system:apiserver', groups: ['system:masters'] });

interface Condition { type: string; status: string; lastTransitionTime?: string; reason: string; message: string }

/** The Dangling condition a schema should carry, given the priority levels that exist. */
export function danglingCondition(fs: KObject, levels: ReadonlySet<string>): Omit<Condition, 'lastTransitionTime'> {
  const name = String((fs.spec as { priorityLevelConfiguration?: { name?: unknown } } | undefined)?.priorityLevelConfiguration?.name ?? '');
  const quoted = JSON.stringify(name);
  return levels.has(name)
    ? { type: 'Dangling', status: 'False', reason: 'Found', message: `This FlowSchema references the PriorityLevelConfiguration object named ${quoted} and it exists` }
    : { type: 'Dangling', status: 'True', reason: 'NotFound', message: `This FlowSchema references the PriorityLevelConfiguration object named ${quoted} but there is no such object` };
}

const ENSURE_EVERY = 60;

const conditionsOf = (o: KObject): Condition[] => (o.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];

export class FlowControl {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly registry: Registry, private readonly now: () => number) {}

  start(intervalMs = 1000): void {
    let ticks = 0;
    this.running = this.ensureBootstrap().then(() => this.sync()).catch(() => {});
    this.timer = setInterval(() => {
      const ensure = ++ticks % ENSURE_EVERY === 0;
      this.running = this.running.then(() => (ensure ? this.ensureBootstrap() : undefined)).then(() => this.sync()).catch(() => {});
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Creates the bootstrap objects that are missing and restores the spec of auto-updated ones. */
  async ensureBootstrap(): Promise<void> {
    for (const obj of bootstrapFlowControl()) {
      const d = findByKind('flowcontrol.apiserver.k8s.io', 'v1', obj.kind!)!;
      const live = await this.registry.storage.tryGet(d, undefined, obj.metadata.name!);
      if (live) {
        if (live.metadata.annotations?.[AUTO_UPDATE] === 'true' && !semanticEqual(live.spec, obj.spec)) await this.registry.update(d, undefined, obj.metadata.name!, { ...live, spec: obj.spec }, SYSTEM);
        continue;
      }
      try {
        await this.registry.create(d, undefined, obj, SYSTEM);
      } catch (err) {
        if ((err as { code?: number }).code !== 409) throw err;
      }
    }
  }

  /** One pass of the config consumer over the flow schemas. */
  async sync(): Promise<void> {
    const levels = new Set((await this.registry.storage.list(priorityLevelConfiguration, undefined)).items.map((l) => l.metadata.name ?? ''));
    for (const fs of (await this.registry.storage.list(flowSchema, undefined)).items) {
      const want = danglingCondition(fs, levels);
      const cur = conditionsOf(fs).find((c) => c.type === 'Dangling');
      if (cur && cur.status === want.status && cur.reason === want.reason && cur.message === want.message) continue;
      await this.writeCondition(fs.metadata.name ?? '', { type: want.type, status: want.status, lastTransitionTime: rfc3339(this.now()), reason: want.reason, message: want.message });
    }
  }

  private async writeCondition(name: string, next: Condition): Promise<void> {
    try {
      await this.registry.guaranteedUpdate(flowSchema, undefined, name, SYSTEM, 'status', (obj) => {
        const others = conditionsOf(obj).filter((c) => c.type !== 'Dangling');
        return { ...obj, status: { ...(obj.status as object), conditions: [...others, next] } };
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 404) throw err;
    }
  }
}
