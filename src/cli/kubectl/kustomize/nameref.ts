// FixBackReferences: after names changed (prefix, suffix, hash), every field that names another
// resource of the build (a pod's ConfigMaps and Secrets, a binding's role, an HPA's target…) is
// pointed at that resource's current name.
import { splitPath } from './fieldspec.js';
import type { Json, Resource } from './resource.js';

const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

const POD_SPEC: Record<string, string> = {
  Pod: 'spec', PodTemplate: 'template/spec', Deployment: 'spec/template/spec', ReplicaSet: 'spec/template/spec',
  DaemonSet: 'spec/template/spec', StatefulSet: 'spec/template/spec', Job: 'spec/template/spec',
  ReplicationController: 'spec/template/spec', CronJob: 'spec/jobTemplate/spec/template/spec',
};

const CONFIGMAP_PATHS = ['volumes/configMap/name', 'containers/env/valueFrom/configMapKeyRef/name', 'initContainers/env/valueFrom/configMapKeyRef/name',
  'containers/envFrom/configMapRef/name', 'initContainers/envFrom/configMapRef/name', 'volumes/projected/sources/configMap/name'];
const SECRET_PATHS = ['volumes/secret/secretName', 'containers/env/valueFrom/secretKeyRef/name', 'initContainers/env/valueFrom/secretKeyRef/name',
  'containers/envFrom/secretRef/name', 'initContainers/envFrom/secretRef/name', 'imagePullSecrets/name', 'volumes/projected/sources/secret/name'];

interface Ref {
  /** the referred-to kind */
  kind: string;
  /** the referring kind */
  by: string;
  path: string;
}

function podRefs(kind: string, sub: string[]): Ref[] {
  return Object.entries(POD_SPEC).flatMap(([by, prefix]) => sub.map((p) => ({ kind, by, path: `${prefix}/${p}` })));
}

const REFS: Ref[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({ kind, by: 'HorizontalPodAutoscaler', path: 'spec/scaleTargetRef/name' })),
  ...podRefs('ConfigMap', CONFIGMAP_PATHS),
  ...podRefs('Secret', SECRET_PATHS),
  { kind: 'Secret', by: 'Ingress', path: 'spec/tls/secretName' },
  { kind: 'Secret', by: 'ServiceAccount', path: 'imagePullSecrets/name' },
  { kind: 'Secret', by: 'ServiceAccount', path: 'secrets/name' },
  { kind: 'Service', by: 'StatefulSet', path: 'spec/serviceName' },
  { kind: 'Service', by: 'Ingress', path: 'spec/rules/http/paths/backend/service/name' },
  { kind: 'Service', by: 'Ingress', path: 'spec/defaultBackend/service/name' },
  { kind: 'Service', by: 'Ingress', path: 'spec/rules/http/paths/backend/serviceName' },
  { kind: 'Service', by: 'Ingress', path: 'spec/backend/serviceName' },
  { kind: 'Role', by: 'RoleBinding', path: 'roleRef/name' },
  { kind: 'ClusterRole', by: 'RoleBinding', path: 'roleRef/name' },
  { kind: 'ClusterRole', by: 'ClusterRoleBinding', path: 'roleRef/name' },
  ...podRefs('ServiceAccount', ['serviceAccountName']).map((r) => ({ ...r, path: r.path })),
  ...podRefs('PersistentVolumeClaim', ['volumes/persistentVolumeClaim/claimName']),
  ...podRefs('PriorityClass', ['priorityClassName']),
  { kind: 'PersistentVolume', by: 'PersistentVolumeClaim', path: 'spec/volumeName' },
  { kind: 'StorageClass', by: 'PersistentVolumeClaim', path: 'spec/storageClassName' },
  { kind: 'StorageClass', by: 'PersistentVolume', path: 'spec/storageClassName' },
  { kind: 'IngressClass', by: 'Ingress', path: 'spec/ingressClassName' },
];

function candidate(all: Resource[], kind: string, name: string, ns: string): Resource | undefined {
  const found = all.filter((r) => r.gvk().kind === kind && r.hasName(name));
  if (found.length <= 1) return found[0];
  return found.find((r) => r.namespace === ns) ?? found[0];
}

function visit(node: unknown, segs: string[], fn: (parent: Json, key: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((n) => visit(n, segs, fn));
    return;
  }
  if (!isMap(node) || segs.length === 0) return;
  const [first, ...rest] = segs as [string, ...string[]];
  if (rest.length === 0) fn(node, first);
  else visit(node[first], rest, fn);
}

function fixSubjects(all: Resource[], binding: Resource): void {
  for (const s of Array.isArray(binding.obj.subjects) ? binding.obj.subjects : []) {
    if (!isMap(s) || s.kind !== 'ServiceAccount' || typeof s.name !== 'string') continue;
    const target = candidate(all, 'ServiceAccount', s.name, typeof s.namespace === 'string' ? s.namespace : '');
    if (!target) continue;
    s.name = target.name;
    if (target.namespace !== '') s.namespace = target.namespace;
  }
}

export function fixBackReferences(all: Resource[]): void {
  for (const r of all) {
    const kind = r.gvk().kind;
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') fixSubjects(all, r);
    for (const ref of REFS) {
      if (ref.by !== kind) continue;
      visit(r.obj, splitPath(ref.path), (parent, key) => {
        const v = parent[key];
        if (typeof v !== 'string') return;
        if (ref.path === 'roleRef/name' && isMap(parent) && parent.kind !== ref.kind) return;
        const target = candidate(all, ref.kind, v, r.namespace);
        if (target) parent[key] = target.name;
      });
    }
  }
}
