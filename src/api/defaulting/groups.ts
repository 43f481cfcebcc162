// Defaulters of the smaller API groups: networking, RBAC, autoscaling, scheduling, node.
import type { KObject } from '../types.js';
import { arr, isObject, obj, objs, str, type JsonObject } from '../validation/json.js';
import { canonicalQuantityValue } from './quantities.js';

const RBAC = 'rbac.authorization.k8s.io';

export function defaultNetworkPolicy(np: KObject): void {
  const spec = obj(np.spec);
  for (const rules of [spec.ingress, spec.egress]) for (const r of objs(rules)) for (const p of objs(r.ports)) if (p.protocol == null) p.protocol = 'TCP';
  if (!arr(spec.policyTypes).length) spec.policyTypes = arr(spec.egress).length ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function defaultIngressClass(ic: KObject): void {
  const params = obj(ic.spec).parameters;
  if (isObject(params) && params.scope == null) params.scope = 'Cluster';
}

/** RoleBinding/ClusterRoleBinding: roleRef.apiGroup and each subject's apiGroup by kind. */
export function defaultBinding(b: KObject): void {
  if (isObject(b.roleRef) && !b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC;
  for (const s of objs(b.subjects)) {
    if (s.apiGroup) continue;
    if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC;
    else if (s.kind === 'ServiceAccount') s.apiGroup = '';
  }
}

function scalingRules(rules: unknown, up: boolean): JsonObject {
  const r: JsonObject = isObject(rules) ? rules : {};
  if (r.selectPolicy == null) r.selectPolicy = 'Max';
  if (r.stabilizationWindowSeconds == null && up) r.stabilizationWindowSeconds = 0;
  if (r.policies == null) {
    r.policies = up
      ? [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }]
      : [{ type: 'Percent', value: 100, periodSeconds: 15 }];
  }
  return r;
}

/** autoscaling/v2 (and v1) HorizontalPodAutoscaler. */
export function defaultHorizontalPodAutoscaler(hpa: KObject): void {
  if (!isObject(hpa.spec)) hpa.spec = {};
  const spec = hpa.spec as JsonObject;
  if (spec.minReplicas == null) spec.minReplicas = 1;
  if (str(hpa.apiVersion) === 'autoscaling/v1') {
    if (spec.targetCPUUtilizationPercentage == null) spec.targetCPUUtilizationPercentage = 80;
    return;
  }
  if (!arr(spec.metrics).length) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  for (const m of objs(spec.metrics)) {
    for (const src of Object.values(m)) {
      const target = obj(obj(src).target);
      for (const k of ['value', 'averageValue']) if (target[k] !== undefined) target[k] = canonicalQuantityValue(target[k]);
    }
  }
  if (isObject(spec.behavior)) {
    spec.behavior.scaleUp = scalingRules(spec.behavior.scaleUp, true);
    spec.behavior.scaleDown = scalingRules(spec.behavior.scaleDown, false);
  }
}

export function defaultPriorityClass(pc: KObject): void {
  if (pc.preemptionPolicy == null) pc.preemptionPolicy = 'PreemptLowerPriority';
}

/** No defaulter upstream; overhead's quantities read back in canonical form, as after decoding in Go. */
export function defaultRuntimeClass(rc: KObject): void {
  const podFixed = (rc.overhead as { podFixed?: unknown } | undefined)?.podFixed;
  if (podFixed && typeof podFixed === 'object') for (const [k, v] of Object.entries(podFixed)) (podFixed as Record<string, unknown>)[k] = canonicalQuantityValue(v);
}
