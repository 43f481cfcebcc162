// apps/v1, batch/v1 and ReplicationController defaulters (and the Job selector the registry
// generates before validation).
import type { KObject } from '../types.js';
import { isObject, obj, objs, str, type JsonObject } from '../validation/json.js';
import { defaultPodTemplateSpec } from './podspec.js';
import { defaultPersistentVolumeClaim } from './storage.js';

const spec = (o: KObject): JsonObject => {
  if (!isObject(o.spec)) o.spec = {};
  return o.spec as JsonObject;
};
const setIfAbsent = (o: JsonObject, k: string, v: unknown): void => {
  if (o[k] === undefined || o[k] === null) o[k] = v;
};

export function defaultDeployment(d: KObject): void {
  const s = spec(d);
  setIfAbsent(s, 'replicas', 1);
  const strategy = obj((s.strategy ??= {}));
  setIfAbsent(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = obj((strategy.rollingUpdate ??= {}));
    setIfAbsent(ru, 'maxUnavailable', '25%');
    setIfAbsent(ru, 'maxSurge', '25%');
  }
  setIfAbsent(s, 'revisionHistoryLimit', 10);
  setIfAbsent(s, 'progressDeadlineSeconds', 600);
  defaultPodTemplateSpec(s.template);
}

export function defaultReplicaSet(rs: KObject): void {
  setIfAbsent(spec(rs), 'replicas', 1);
  defaultPodTemplateSpec(spec(rs).template);
}

export function defaultDaemonSet(ds: KObject): void {
  const s = spec(ds);
  const strategy = obj((s.updateStrategy ??= {}));
  setIfAbsent(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = obj((strategy.rollingUpdate ??= {}));
    setIfAbsent(ru, 'maxUnavailable', 1);
    setIfAbsent(ru, 'maxSurge', 0);
  }
  setIfAbsent(s, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(s.template);
}

export function defaultStatefulSet(ss: KObject): void {
  const s = spec(ss);
  if (!s.podManagementPolicy) s.podManagementPolicy = 'OrderedReady';
  const strategy = obj((s.updateStrategy ??= {}));
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate)) setIfAbsent(strategy.rollingUpdate, 'partition', 0);
  const retention = obj((s.persistentVolumeClaimRetentionPolicy ??= {}));
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  setIfAbsent(s, 'replicas', 1);
  setIfAbsent(s, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(s.template);
  for (const pvc of objs(s.volumeClaimTemplates)) defaultPersistentVolumeClaim(pvc as KObject);
}

export function defaultReplicationController(rc: KObject): void {
  const s = spec(rc);
  const labels = obj(obj(s.template).metadata).labels;
  if (isObject(labels)) {
    if (!isObject(s.selector) || !Object.keys(s.selector).length) s.selector = { ...labels };
    if (!isObject(rc.metadata.labels) || !Object.keys(rc.metadata.labels).length) rc.metadata.labels = { ...(labels as Record<string, string>) };
  }
  setIfAbsent(s, 'replicas', 1);
  defaultPodTemplateSpec(s.template);
}

export function defaultJob(job: KObject): void {
  const s = spec(job);
  if (s.completions == null && s.parallelism == null) {
    s.completions = 1;
    s.parallelism = 1;
  }
  setIfAbsent(s, 'parallelism', 1);
  const indexedPerIndex = s.completionMode === 'Indexed' && s.backoffLimitPerIndex != null;
  setIfAbsent(s, 'backoffLimit', indexedPerIndex ? 2147483647 : 6);
  const labels = obj(obj(s.template).metadata).labels;
  if (isObject(labels) && (!isObject(job.metadata.labels) || !Object.keys(job.metadata.labels).length)) job.metadata.labels = { ...(labels as Record<string, string>) };
  setIfAbsent(s, 'completionMode', 'NonIndexed');
  setIfAbsent(s, 'suspend', false);
  setIfAbsent(s, 'podReplacementPolicy', isObject(s.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
  for (const rule of objs(obj(s.podFailurePolicy).rules)) for (const c of objs(rule.onPodConditions)) setIfAbsent(c, 'status', 'True');
  defaultPodTemplateSpec(s.template);
}

export function defaultCronJob(cj: KObject): void {
  const s = spec(cj);
  setIfAbsent(s, 'concurrencyPolicy', 'Allow');
  setIfAbsent(s, 'suspend', false);
  setIfAbsent(s, 'successfulJobsHistoryLimit', 3);
  setIfAbsent(s, 'failedJobsHistoryLimit', 1);
  defaultPodTemplateSpec(obj(obj(s.jobTemplate).spec).template);
}

/**
 * The job strategy's selector generation (PrepareForCreate), which needs metadata.uid: unless
 * manualSelector is true, the template gets the job-name/controller-uid labels (legacy and
 * batch.kubernetes.io/ ones) and the selector matches the controller uid.
 */
export function generateJobSelector(job: KObject): void {
  const s = spec(job);
  if (s.manualSelector === true) return;
  const template = obj((s.template ??= {}));
  const meta = obj((template.metadata ??= {}));
  const labels = obj((meta.labels ??= {}));
  const uid = str(job.metadata.uid);
  for (const k of ['batch.kubernetes.io/job-name', 'job-name']) labels[k] ??= str(job.metadata.name);
  for (const k of ['batch.kubernetes.io/controller-uid', 'controller-uid']) labels[k] ??= uid;
  const selector = obj((s.selector ??= {}));
  const matchLabels = obj((selector.matchLabels ??= {}));
  matchLabels['batch.kubernetes.io/controller-uid'] ??= uid;
}
