// polymorphichelpers' StatusViewers: the line `rollout status` prints for one observed state of
// a Deployment, DaemonSet or StatefulSet, whether the rollout is done, or why it cannot finish.
import { list, rec, str, type Json } from '../workload/json-values.js';

export interface RolloutStatus {
  text: string;
  done: boolean;
}

export type StatusViewer = (obj: Json, revision: number) => RolloutStatus;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** deploymentutil.Revision: the revision annotation, 0 when absent. */
export function revisionOf(obj: Json): number {
  const v = rec(rec(obj.metadata).annotations)['deployment.kubernetes.io/revision'];
  if (typeof v !== 'string') return 0;
  if (!/^[+-]?\d+$/.test(v)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

function checkRevision(d: Json, name: string, revision: number): void {
  if (revision <= 0) return;
  let current: number;
  try {
    current = revisionOf(d);
  } catch (err) {
    throw new Error(`cannot get the revision of deployment ${JSON.stringify(name)}: ${(err as Error).message}`);
  }
  if (current !== revision) throw new Error(`desired revision (${revision}) is different from the running revision (${current})`);
}

function deploymentStatus(d: Json, revision: number): RolloutStatus {
  const name = str(rec(d.metadata).name);
  checkRevision(d, name, revision);
  const spec = rec(d.spec);
  const status = rec(d.status);
  const q = JSON.stringify(name);
  if (num(rec(d.metadata).generation) > num(status.observedGeneration)) {
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = list(status.conditions).map(rec).find((c) => c.type === 'Progressing');
  if (progressing && progressing.reason === 'ProgressDeadlineExceeded') throw new Error(`deployment ${q} exceeded its progress deadline`);
  const updated = num(status.updatedReplicas);
  if (typeof spec.replicas === 'number' && updated < spec.replicas) {
    return { text: `Waiting for deployment ${q} rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`, done: false };
  }
  if (num(status.replicas) > updated) {
    return { text: `Waiting for deployment ${q} rollout to finish: ${num(status.replicas) - updated} old replicas are pending termination...\n`, done: false };
  }
  if (num(status.availableReplicas) < updated) {
    return { text: `Waiting for deployment ${q} rollout to finish: ${num(status.availableReplicas)} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { text: `deployment ${q} successfully rolled out\n`, done: true };
}

const ONLY_ROLLING = 'rollout status is only available for RollingUpdate strategy type';

function daemonSetStatus(ds: Json): RolloutStatus {
  const spec = rec(ds.spec);
  const status = rec(ds.status);
  if (rec(spec.updateStrategy).type !== 'RollingUpdate') throw new Error(ONLY_ROLLING);
  const q = JSON.stringify(str(rec(ds.metadata).name));
  if (num(rec(ds.metadata).generation) > num(status.observedGeneration)) {
    return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = num(status.desiredNumberScheduled);
  if (num(status.updatedNumberScheduled) < desired) {
    return { text: `Waiting for daemon set ${q} rollout to finish: ${num(status.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if (num(status.numberAvailable) < desired) {
    return { text: `Waiting for daemon set ${q} rollout to finish: ${num(status.numberAvailable)} of ${desired} updated pods are available...\n`, done: false };
  }
  return { text: `daemon set ${q} successfully rolled out\n`, done: true };
}

function statefulSetStatus(sts: Json): RolloutStatus {
  const spec = rec(sts.spec);
  const status = rec(sts.status);
  const strategy = rec(spec.updateStrategy);
  if (strategy.type !== 'RollingUpdate') throw new Error(ONLY_ROLLING);
  const observed = num(status.observedGeneration);
  if (observed === 0 || num(rec(sts.metadata).generation) > observed) {
    return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  if (replicas !== undefined && num(status.readyReplicas) < replicas) {
    return { text: `Waiting for ${replicas - num(status.readyReplicas)} pods to be ready...\n`, done: false };
  }
  const rolling = strategy.rollingUpdate;
  if (rolling !== undefined && rolling !== null) {
    const partition = rec(rolling).partition;
    if (replicas !== undefined && typeof partition === 'number' && num(status.updatedReplicas) < replicas - partition) {
      return { text: `Waiting for partitioned roll out to finish: ${num(status.updatedReplicas)} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { text: `partitioned roll out complete: ${num(status.updatedReplicas)} new pods have been updated...\n`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return { text: `waiting for statefulset rolling update to complete ${num(status.updatedReplicas)} pods at revision ${str(status.updateRevision)}...\n`, done: false };
  }
  return { text: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${str(status.currentRevision)}...\n`, done: true };
}

/** StatusViewerFor: by group and kind (extensions/v1beta1 kinds included, as kubectl has them). */
export function statusViewerFor(group: string, kind: string): StatusViewer {
  if ((group === 'apps' || group === 'extensions') && kind === 'Deployment') return deploymentStatus;
  if ((group === 'apps' || group === 'extensions') && kind === 'DaemonSet') return (o) => daemonSetStatus(o);
  if (group === 'apps' && kind === 'StatefulSet') return (o) => statefulSetStatus(o);
  throw new Error(`no status viewer has been implemented for ${group === '' ? kind : `${kind}.${group}`}`);
}
