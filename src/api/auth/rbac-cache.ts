// The objects kept in memory for authorization — RBAC's, and the pods the Node authorizer's graph
// follows — listed once, then kept current by a watch on their keys (as the apiserver's informers do).
import type { Watcher } from '../../store/index.js';
import type { KObject } from '../types.js';
import type { ObjectStorage } from '../storage/storage.js';
import { role } from '../resources/role.js';
import { roleBinding } from '../resources/rolebinding.js';
import { clusterRole } from '../resources/clusterrole.js';
import { clusterRoleBinding } from '../resources/clusterrolebinding.js';
import { pod } from '../resources/pod.js';
import { persistentVolumeClaim } from '../resources/persistentvolumeclaim.js';
import type { ResourceDescriptor } from '../resources/types.js';

class Mirror {
  readonly byKey = new Map<string, KObject>();
  private watcher: Watcher | undefined;
  constructor(private readonly storage: ObjectStorage, private readonly d: ResourceDescriptor) {}

  private static key(o: KObject): string {
    return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  }

  async start(): Promise<void> {
    const page = await this.storage.list(this.d, undefined);
    for (const o of page.items) this.byKey.set(Mirror.key(o), o);
    this.watcher = this.storage.watch(this.d, undefined, Number(page.resourceVersion), (type, obj) => {
      if (type === 'DELETED') this.byKey.delete(Mirror.key(obj));
      else this.byKey.set(Mirror.key(obj), obj);
    }, () => void this.restart());
  }

  private async restart(): Promise<void> {
    await this.stop();
    this.byKey.clear();
    await this.start();
  }

  inNamespace(ns: string): KObject[] {
    return [...this.byKey.values()].filter((o) => o.metadata.namespace === ns);
  }

  all(): KObject[] {
    return [...this.byKey.values()];
  }

  async stop(): Promise<void> {
    await this.watcher?.cancel();
  }
}

export class RbacCache {
  private readonly r: Mirror;
  private readonly rb: Mirror;
  private readonly cr: Mirror;
  private readonly crb: Mirror;
  private readonly pods: Mirror;
  private readonly claims: Mirror;

  constructor(storage: ObjectStorage) {
    this.pods = new Mirror(storage, pod);
    this.claims = new Mirror(storage, persistentVolumeClaim);
    this.r = new Mirror(storage, role);
    this.rb = new Mirror(storage, roleBinding);
    this.cr = new Mirror(storage, clusterRole);
    this.crb = new Mirror(storage, clusterRoleBinding);
  }

  async start(): Promise<void> {
    await Promise.all([this.r.start(), this.rb.start(), this.cr.start(), this.crb.start(), this.pods.start(), this.claims.start()]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.r.stop(), this.rb.stop(), this.cr.stop(), this.crb.stop(), this.pods.stop(), this.claims.stop()]);
  }

  roles(ns: string): KObject[] {
    return this.r.inNamespace(ns);
  }
  roleBindings(ns: string): KObject[] {
    return this.rb.inNamespace(ns);
  }
  clusterRoles(): KObject[] {
    return this.cr.all();
  }
  podsOnNode(node: string): KObject[] {
    return this.pods.all().filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node);
  }
  persistentVolumeClaim(namespace: string, name: string): KObject | undefined {
    return this.claims.byKey.get(`${namespace}/${name}`);
  }
  clusterRoleBindings(): KObject[] {
    return this.crb.all();
  }
}
