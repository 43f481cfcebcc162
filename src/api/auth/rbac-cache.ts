// The objects kept in memory for authorization — RBAC's, and the pods the Node authorizer's graph
// follows — listed once, then kept current by a watch on their keys (as the apiserver's informers do).
import type { KObject } from '../types.js';
import type { ObjectStorage } from '../storage/storage.js';
import { role } from '../resources/role.js';
import { roleBinding } from '../resources/rolebinding.js';
import { clusterRole } from '../resources/clusterrole.js';
import { clusterRoleBinding } from '../resources/clusterrolebinding.js';
import { pod } from '../resources/pod.js';
import { persistentVolumeClaim } from '../resources/persistentvolumeclaim.js';
import { Mirror, MirrorGroup } from '../storage/mirror.js';

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
    this.group = new MirrorGroup([this.r, this.rb, this.cr, this.crb, this.pods, this.claims]);
  }

  private readonly group: MirrorGroup;

  async start(): Promise<void> {
    await this.group.start();
  }

  async stop(): Promise<void> {
    await this.group.stop();
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
