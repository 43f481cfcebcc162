// One sync of one Deployment: the working copy of the Deployment, its ReplicaSets and their
// pods, and the writes a sync makes. Each write keeps the copy current (resourceVersion, the
// written ReplicaSet) so a sync that writes twice does not trip over its own first write.
import type { Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext } from '../framework/controller.js';
import type { EventType } from '../framework/events.js';
import { withTypeMeta } from '../replicaset/kinds.js';
import { REVISION, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './annotations.js';
import { canonicalJson } from './hash.js';
import { maxSurge } from './intstr.js';
import { calculateStatus, progressRequeue, rolloutStatus, statusJson } from './progress.js';
import { replicasOf, rsReplicas, type Deployment, type DeploymentStatus } from './types.js';

export interface ScaleResult {
  scaled: boolean;
  rs: Obj;
}

const sameStatus = (a: DeploymentStatus | undefined, b: DeploymentStatus) => canonicalJson(statusJson(a ?? {})) === canonicalJson(b);

export class SyncState {
  /** When the controller should look at this Deployment again (progress deadline). */
  requeueAfter: number | undefined;

  constructor(
    readonly ctx: ControllerContext,
    public d: Deployment,
    public rsList: Obj[],
    readonly podMap: Map<string, Obj[]>,
    /** Any ReplicaSet of the namespace by name (for hash collisions). */
    readonly lookupRS: (namespace: string, name: string) => Promise<Obj | undefined>,
  ) {}

  get status(): DeploymentStatus {
    this.d.status ??= {};
    return this.d.status;
  }

  event(type: EventType, reason: string, message: string): void {
    this.ctx.recorder.event(this.d, type, reason, message);
  }

  /** Writes a ReplicaSet and keeps the result in rsList. */
  async updateRS(rs: Obj): Promise<Obj> {
    const out = withTypeMeta(await this.ctx.client.update(REFS.replicasets, rs), REFS.replicasets);
    this.rsList = this.rsList.map((x) => (x.metadata.uid === out.metadata.uid ? out : x));
    return out;
  }

  /** Adds a ReplicaSet this sync created. */
  remember(rs: Obj): void {
    if (!this.rsList.some((x) => x.metadata.uid === rs.metadata.uid)) this.rsList = [...this.rsList, rs];
  }

  /** Writes the Deployment's status through /status. */
  async writeStatus(): Promise<void> {
    const out = await this.ctx.client.update<Deployment>(REFS.deployments, { ...this.d, status: statusJson(this.status) }, { subresource: 'status' });
    this.d = { ...this.d, metadata: { ...this.d.metadata, resourceVersion: out.metadata.resourceVersion } };
  }

  /** Sets the Deployment's revision annotation through /status, as upstream (its role may not patch). */
  async setRevision(revision: string): Promise<void> {
    if (this.d.metadata.annotations?.[REVISION] === revision) return;
    const annotations = { ...(this.d.metadata.annotations ?? {}), [REVISION]: revision };
    const out = await this.ctx.client.update<Deployment>(REFS.deployments, { ...this.d, metadata: { ...this.d.metadata, annotations } }, { subresource: 'status' });
    this.d = { ...this.d, metadata: { ...this.d.metadata, annotations: out.metadata.annotations ?? {}, resourceVersion: out.metadata.resourceVersion } };
  }

  /** scaleReplicaSet: the new size and the replica annotations; ScalingReplicaSet when the size changed. */
  async scaleReplicaSet(rs: Obj, newScale: number): Promise<ScaleResult> {
    const desired = replicasOf(this.d);
    const max = desired + maxSurge(this.d);
    const oldScale = rsReplicas(rs);
    const resize = oldScale !== newScale;
    if (!resize && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const annotations = { ...(rs.metadata.annotations ?? {}) };
    setReplicasAnnotations(annotations, desired, max);
    const out = await this.updateRS({ ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...(rs.spec as object), replicas: newScale } });
    if (resize) this.event('Normal', 'ScalingReplicaSet', `Scaled ${oldScale < newScale ? 'up' : 'down'} replica set ${out.metadata.name} from ${oldScale} to ${newScale}`);
    return { scaled: resize, rs: out };
  }

  /** scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
  scaleReplicaSetAndRecordEvent(rs: Obj, newScale: number): Promise<ScaleResult> {
    return rsReplicas(rs) === newScale ? Promise.resolve({ scaled: false, rs }) : this.scaleReplicaSet(rs, newScale);
  }

  /** syncDeploymentStatus: counts and Available only. */
  async syncDeploymentStatus(all: (Obj | undefined)[], newRS: Obj | undefined): Promise<void> {
    const next = calculateStatus(all, newRS, this.d, this.ctx.now());
    if (sameStatus(this.d.status, next)) return;
    this.d.status = next;
    await this.writeStatus();
  }

  /** syncRolloutStatus: with the Progressing condition, and a requeue for the deadline. */
  async syncRolloutStatus(all: (Obj | undefined)[], newRS: Obj | undefined): Promise<void> {
    const now = this.ctx.now();
    const next = rolloutStatus(all, newRS, this.d, now);
    if (!sameStatus(this.d.status, next)) {
      this.d.status = next;
      await this.writeStatus();
    }
    this.requeueAfter = progressRequeue(this.d, next, now);
  }
}
