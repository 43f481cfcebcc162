// The apiserver's authorization of one request as a kubeadm cluster configures it: the
// privileged-group authorizer (system:masters may do anything), the Node authorizer, then RBAC.
import { ruleAllows } from './match.js';
import { aggregateMessage } from './format.js';
import { visitRulesFor } from './resolve.js';
import type { AuthorizerAttributes, Decision, RbacSource } from './types.js';
import { nodeAuthorize } from './node-authorizer.js';

/** user.SystemPrivilegedGroup. */
export const SYSTEM_MASTERS = 'system:masters';

/**
 * RBACAuthorizer.Authorize: allowed with `RBAC: allowed by <binding>` as soon as a rule
 * matches; otherwise not allowed, the reason naming any role lookups that failed
 * ("RBAC: clusterrole.rbac.authorization.k8s.io \"x\" not found") or "" if none did.
 */
export function rbacAuthorize(attrs: AuthorizerAttributes, rbac: RbacSource): Decision {
  let reason: string | undefined;
  const errors: string[] = [];
  visitRulesFor(rbac, attrs.user, attrs.namespace, (rule, describe, error) => {
    if (rule && ruleAllows(attrs, rule)) {
      reason = `RBAC: allowed by ${describe()}`;
      return false;
    }
    if (error !== undefined) errors.push(error);
    return true;
  });
  if (reason !== undefined) return { allowed: true, reason };
  const failed = aggregateMessage(errors);
  return { allowed: false, reason: failed === undefined ? '' : `RBAC: ${failed}` };
}

/** The privileged-group authorizer, Node, then RBAC. The privileged group's allow has no reason. */
export function authorize(attrs: AuthorizerAttributes, rbac: RbacSource): Decision {
  if (attrs.user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: '' };
  return nodeAuthorize(attrs, rbac) ?? rbacAuthorize(attrs, rbac);
}
