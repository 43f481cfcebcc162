// The Node authorizer, first in kubeadm's `--authorization-mode=Node,RBAC`: a kubelet
// (system:node:<name> in system:nodes) may do what the system:node rules allow, and its own
// Lease in kube-node-lease. Objects upstream reaches through the node→pod graph (secrets,
// configmaps, PVCs, service account tokens) are allowed when a pod bound to the node references
// them (get, and create for serviceaccounts/token); otherwise no opinion, so RBAC decides.
import type { PolicyRule, RbacSource } from './types.js';
import type { AuthorizerAttributes, Decision } from './types.js';
import { podClaimNames, podReferences } from './node-graph.js';
import { ruleAllows } from './match.js';
import { isNodeUser } from './rules-review.js';
import { NODE_RULES } from './policy/component-roles.js';

const GRAPH = new Set(['/secrets', '/configmaps', '/persistentvolumeclaims', '/persistentvolumes', '/serviceaccounts', 'resource.k8s.io/resourceclaims']);
const LEASE_VERBS = new Set(['get', 'create', 'update', 'patch', 'delete']);

/** Allowed, or undefined for no opinion. */
export function nodeAuthorize(attrs: AuthorizerAttributes, rbac?: RbacSource): Decision | undefined {
  if (!isNodeUser(attrs.user)) return undefined;
  const nodeName = attrs.user.name.slice('system:node:'.length);
  if (attrs.resourceRequest) {
    const gr = `${attrs.apiGroup}/${attrs.resource}`;
    if (GRAPH.has(gr)) return graphAllows(attrs, nodeName, rbac) ? { allowed: true, reason: '' } : undefined;
    if (gr === 'coordination.k8s.io/leases') return leaseAllowed(attrs, nodeName) ? { allowed: true, reason: '' } : undefined;
  }
  return (NODE_RULES as PolicyRule[]).some((r) => ruleAllows(attrs, r)) ? { allowed: true, reason: '' } : undefined;
}

function leaseAllowed(attrs: AuthorizerAttributes, nodeName: string): boolean {
  if (!LEASE_VERBS.has(attrs.verb) || attrs.namespace !== 'kube-node-lease') return false;
  return attrs.verb === 'create' || attrs.name === nodeName;
}

/** get on a secret/configmap/PVC (or a token of a service account) some pod on the node uses. */
function graphAllows(attrs: AuthorizerAttributes, nodeName: string, rbac: RbacSource | undefined): boolean {
  const tokenRequest = attrs.resource === 'serviceaccounts' && attrs.subresource === 'token' && attrs.verb === 'create';
  if (!rbac?.podsOnNode || !attrs.name || !(tokenRequest || (attrs.verb === 'get' && !attrs.subresource))) return false;
  if (attrs.resource === 'serviceaccounts' && !tokenRequest) return false;
  if (attrs.resource === 'persistentvolumes') return boundVolumeOfNode(rbac, nodeName, attrs.name);
  return rbac.podsOnNode(nodeName).some((p) => p.metadata.namespace === attrs.namespace && podReferences(p, attrs.resource, attrs.name));
}

/** A PV is reachable when a pod on the node claims a PVC bound to it (pod → PVC → PV). */
function boundVolumeOfNode(rbac: RbacSource, nodeName: string, pv: string): boolean {
  return rbac.podsOnNode!(nodeName).some((p) => podClaimNames(p).some((claim) => {
    const pvc = rbac.persistentVolumeClaim?.(p.metadata.namespace ?? '', claim);
    return (pvc?.spec as { volumeName?: string } | undefined)?.volumeName === pv;
  }));
}
