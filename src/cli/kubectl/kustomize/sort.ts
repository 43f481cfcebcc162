// kustomize's legacy output order: kinds in a fixed first/last order, the rest by group,
// version and kind, then by namespace and name.
import type { Resource } from './resource.js';

const FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string): number {
  const f = FIRST.indexOf(kind);
  if (f >= 0) return -FIRST.length + f;
  const l = LAST.indexOf(kind);
  return l >= 0 ? 1 + l : 0;
}

function gvkString(r: Resource): string {
  const g = r.gvk();
  return [g.group || '~G', g.version || '~V', g.kind || '~K'].join('_');
}

const idString = (r: Resource): string => [gvkString(r), r.namespace || '~X', r.name || '~N'].join('|');
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compare(a: Resource, b: Resource): number {
  if (gvkString(a) !== gvkString(b)) {
    const ra = rank(a.gvk().kind);
    const rb = rank(b.gvk().kind);
    if (ra !== rb) return ra - rb;
    const bothNs = a.gvk().kind === 'Namespace' && b.gvk().kind === 'Namespace' && (a.gvk().group === '' || b.gvk().group === '');
    return bothNs ? cmp(gvkString(b), gvkString(a)) : cmp(gvkString(a), gvkString(b));
  }
  return cmp(idString(a), idString(b));
}

export const legacySort = (rs: Resource[]): Resource[] => [...rs].sort(compare);
