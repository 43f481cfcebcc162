// Turns policy specs into API objects as they are stored: default policy carries the
// bootstrapping label and the autoupdate annotation (bootstrappolicy addDefaultMetadata),
// kubeadm's objects carry neither. Aggregated roles get the rules the clusterrole-aggregation
// controller would give them.
import type { KObject, ObjectMeta } from '../../types.js';
import type { PolicyRule } from '../types.js';
import type { BindingSpec, RoleSpec } from './spec.js';

const API_VERSION = 'rbac.authorization.k8s.io/v1';
const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const BOOTSTRAP_ANNOTATIONS = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

/** Whether an object is part of the apiserver's default policy (labelled and annotated). */
export type Origin = 'default' | 'kubeadm';

function sortedKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function meta(
  name: string,
  namespace: string | undefined,
  origin: Origin,
  labels: Record<string, string> = {},
): ObjectMeta {
  const m: ObjectMeta = { name };
  if (namespace !== undefined) m.namespace = namespace;
  if (origin === 'default') {
    m.labels = sortedKeys({ ...BOOTSTRAP_LABELS, ...labels });
    m.annotations = { ...BOOTSTRAP_ANNOTATIONS };
  }
  return m;
}

const copyRule = (r: PolicyRule): PolicyRule => JSON.parse(JSON.stringify(r)) as PolicyRule;

export function roleObject(spec: RoleSpec, origin: Origin, namespace?: string): KObject {
  const kind = namespace === undefined ? 'ClusterRole' : 'Role';
  const obj: KObject = {
    apiVersion: API_VERSION,
    kind,
    metadata: meta(spec.name, namespace, origin, spec.labels),
    rules: spec.rules.map(copyRule),
  };
  if (spec.aggregateFrom) {
    obj.aggregationRule = { clusterRoleSelectors: spec.aggregateFrom.map((m) => ({ matchLabels: { ...m } })) };
  }
  return obj;
}

export function bindingObject(spec: BindingSpec, origin: Origin, namespace?: string): KObject {
  const kind = namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding';
  const obj: KObject = { apiVersion: API_VERSION, kind, metadata: meta(spec.name, namespace, origin) };
  if (spec.subjects) obj.subjects = spec.subjects.map((s) => ({ ...s }));
  obj.roleRef = { ...spec.roleRef };
  return obj;
}

function matches(labels: Record<string, string> | undefined, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/**
 * The clusterrole-aggregation controller at rest: each selector, in order, contributes the rules
 * of the roles it selects (by name order, itself excluded), skipping rules already present.
 */
export function aggregate(specs: RoleSpec[]): RoleSpec[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const done = new Map<string, PolicyRule[]>();
  const rulesOf = (spec: RoleSpec, visiting: Set<string>): PolicyRule[] => {
    const cached = done.get(spec.name);
    if (cached) return cached;
    if (!spec.aggregateFrom || visiting.has(spec.name)) return spec.rules;
    visiting.add(spec.name);
    const rules: PolicyRule[] = [];
    const seen = new Set<string>();
    for (const selector of spec.aggregateFrom) {
      const selected = specs.filter((s) => s.name !== spec.name && matches(s.labels, selector));
      selected.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const r of selected.flatMap((s) => rulesOf(s, visiting))) {
        const key = JSON.stringify(r);
        if (!seen.has(key)) rules.push(r);
        seen.add(key);
      }
    }
    done.set(spec.name, rules);
    return rules;
  };
  return specs.map((s) => (byName.get(s.name)?.aggregateFrom ? { ...s, rules: rulesOf(s, new Set()) } : s));
}
