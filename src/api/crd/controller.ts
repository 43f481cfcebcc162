// The apiserver's custom resources: CRDs kept in memory (listed, then watched), the resources the
// established ones serve, and the controllers upstream runs beside them — naming/establishing
// (status.acceptedNames and conditions) and the finalizer that deletes a deleted CRD's instances.
import type { KObject } from '../types.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { Registry } from '../registry/rest.js';
import { rfc3339, systemContext } from '../registry/context.js';
import { Mirror } from '../storage/mirror.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { customResourceDefinition, CRD_CLEANUP_FINALIZER } from '../resources/customresourcedefinition.js';
import { descriptorsOf } from './descriptors.js';
import { namedStatus } from './names.js';

const CONTROLLER = { name: 'system:apiserver', groups: ['system:masters'] };
const RETRY_MS = 1000;

export class CustomResources {
  private readonly mirror: Mirror;
  private served: ResourceDescriptor[] = [];
  private work: Promise<void> = Promise.resolve();
  private timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly registry: Registry,
    private readonly storage: ObjectStorage,
    private readonly now: () => number,
  ) {
    this.mirror = new Mirror(storage, customResourceDefinition, (_type, crd) => this.changed(crd.metadata.name!));
  }

  start(): Promise<void> {
    return this.mirror.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await this.mirror.stop();
    await this.work;
  }

  /** The resources the established CRDs serve, CRDs in name order. */
  descriptors(): readonly ResourceDescriptor[] {
    return this.served;
  }

  private changed(name: string): void {
    const crds = this.mirror.all().sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
    this.served = crds.flatMap(descriptorsOf);
    this.work = this.work.then(() => this.reconcile(name)).catch(() => this.retry(name));
  }

  private retry(name: string): void {
    if (this.stopped) return;
    const t = setTimeout(() => (this.timers.delete(t), this.changed(name)), RETRY_MS);
    this.timers.add(t);
  }

  private async reconcile(name: string): Promise<void> {
    const crd = this.mirror.byKey.get(`/${name}`);
    if (!crd || this.stopped) return;
    if (crd.metadata.deletionTimestamp) {
      if ((crd.metadata.finalizers ?? []).includes(CRD_CLEANUP_FINALIZER)) await this.finalize(crd);
      return;
    }
    const now = rfc3339(this.now());
    if (JSON.stringify(namedStatus(crd, this.mirror.all(), now)) === JSON.stringify(crd.status)) return;
    await this.registry.guaranteedUpdate(customResourceDefinition, undefined, name, systemContext(CONTROLLER), 'status', (cur) => ({ ...cur, status: namedStatus(cur, this.mirror.all(), now) }));
  }

  /** Deletes every instance (in every namespace), then lets the CRD go. */
  private async finalize(crd: KObject): Promise<void> {
    const ctx = systemContext(CONTROLLER);
    const [d] = descriptorsOf(crd);
    if (d) {
      for (const o of (await this.storage.list(d, undefined)).items) {
        try {
          await this.registry.delete(d, o.metadata.namespace, o.metadata.name!, {}, ctx);
        } catch (err) {
          if ((err as { code?: number }).code !== 404) throw err;
        }
      }
      if ((await this.storage.list(d, undefined)).items.length > 0) return this.retry(crd.metadata.name!);
    }
    await this.registry.guaranteedUpdate(customResourceDefinition, undefined, crd.metadata.name!, ctx, 'main', (cur) => {
      cur.metadata.finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER);
      return cur;
    });
  }
}
