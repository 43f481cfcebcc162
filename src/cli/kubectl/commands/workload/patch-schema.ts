// The strategic-merge metadata (patchStrategy/patchMergeKey struct tags of k8s.io/api v0.32) of
// the objects the workload commands patch: the way from a kind to its pod template, and the
// lists inside a pod spec that merge by a key. Lists not named here are replaced whole.

export interface FieldMeta {
  /** the field's own type, when it leads to more tagged fields */
  type?: string;
  /** patchMergeKey of a list with patchStrategy merge */
  key?: string;
}

export type TypeMeta = Record<string, FieldMeta>;

const META = { type: 'ObjectMeta' };
const TEMPLATE = { template: { type: 'PodTemplateSpec' } };

const TYPES: Record<string, TypeMeta> = {
  ObjectMeta: { ownerReferences: { key: 'uid' } },
  Pod: { metadata: META, spec: { type: 'PodSpec' } },
  ReplicationController: { metadata: META, spec: { type: 'TemplateSpec' } },
  Deployment: { metadata: META, spec: { type: 'TemplateSpec' } },
  DaemonSet: { metadata: META, spec: { type: 'TemplateSpec' } },
  ReplicaSet: { metadata: META, spec: { type: 'TemplateSpec' } },
  StatefulSet: { metadata: META, spec: { type: 'TemplateSpec' } },
  Job: { metadata: META, spec: { type: 'TemplateSpec' } },
  CronJob: { metadata: META, spec: { type: 'CronJobSpec' } },
  CronJobSpec: { jobTemplate: { type: 'JobTemplateSpec' } },
  JobTemplateSpec: { metadata: META, spec: { type: 'TemplateSpec' } },
  TemplateSpec: TEMPLATE,
  PodTemplateSpec: { metadata: META, spec: { type: 'PodSpec' } },
  PodSpec: {
    volumes: { key: 'name' },
    initContainers: { key: 'name', type: 'Container' },
    containers: { key: 'name', type: 'Container' },
    ephemeralContainers: { key: 'name', type: 'Container' },
    imagePullSecrets: { key: 'name' },
    hostAliases: { key: 'ip' },
    topologySpreadConstraints: { key: 'topologyKey' },
    schedulingGates: { key: 'name' },
    resourceClaims: { key: 'name' },
  },
  Container: {
    ports: { key: 'containerPort' },
    env: { key: 'name' },
    volumeMounts: { key: 'mountPath' },
    volumeDevices: { key: 'devicePath' },
  },
  Service: { metadata: META, spec: { type: 'ServiceSpec' } },
  ServiceSpec: { ports: { key: 'port' } },
  Node: { metadata: META },
};

/** The metadata of a top-level kind (unknown kinds: none, every list replaced). */
export function schemaForKind(kind: string): TypeMeta {
  return TYPES[kind] ?? { metadata: META };
}

export function fieldMeta(schema: TypeMeta, field: string): { meta: FieldMeta; sub: TypeMeta } {
  const meta = schema[field] ?? {};
  return { meta, sub: meta.type ? (TYPES[meta.type] ?? {}) : {} };
}
