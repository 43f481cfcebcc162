// What a SelfSubjectRulesReview answers: the union of the rule resolvers of a kubeadm
// apiserver (Node, then RBAC). Rules come back one per binding rule, in resolution order,
// neither merged nor de-duplicated; kubectl compacts and sorts them itself.
import type { UserInfo } from '../types.js';
import { aggregateMessage } from './format.js';
import { visitRulesFor } from './resolve.js';
import type {
  NonResourceRule,
  PolicyRule,
  RbacSource,
  ResourceRule,
  SubjectRulesReviewStatus,
} from './types.js';

const NODE_USER_PREFIX = 'system:node:';
const NODES_GROUP = 'system:nodes';
const NODE_RESOLUTION_ERROR = 'node authorizer does not support user rule resolution';

/** nodeidentifier.NodeIdentity: a node is system:node:<name> in the system:nodes group. */
export function isNodeUser(user: UserInfo): boolean {
  return user.name.startsWith(NODE_USER_PREFIX) && user.groups.includes(NODES_GROUP);
}

function resourceRule(rule: PolicyRule): ResourceRule {
  const out: ResourceRule = { verbs: rule.verbs };
  if (rule.apiGroups?.length) out.apiGroups = rule.apiGroups;
  if (rule.resources?.length) out.resources = rule.resources;
  if (rule.resourceNames?.length) out.resourceNames = rule.resourceNames;
  return out;
}

function nonResourceRule(rule: PolicyRule): NonResourceRule {
  const out: NonResourceRule = { verbs: rule.verbs };
  if (rule.nonResourceURLs?.length) out.nonResourceURLs = rule.nonResourceURLs;
  return out;
}

/** RBACAuthorizer.RulesFor: every applicable rule, plus the resolution errors met. */
export function rbacRulesFor(
  user: UserInfo,
  namespace: string,
  rbac: RbacSource,
): { resourceRules: ResourceRule[]; nonResourceRules: NonResourceRule[]; errors: string[] } {
  const resourceRules: ResourceRule[] = [];
  const nonResourceRules: NonResourceRule[] = [];
  const errors: string[] = [];
  visitRulesFor(rbac, user, namespace, (rule, _describe, error) => {
    if (rule?.resources?.length) resourceRules.push(resourceRule(rule));
    if (rule?.nonResourceURLs?.length) nonResourceRules.push(nonResourceRule(rule));
    if (error !== undefined) errors.push(error);
    return true;
  });
  return { resourceRules, nonResourceRules, errors };
}

/**
 * The status of a SelfSubjectRulesReview for `namespace`. Nodes are reported incomplete
 * (the Node authorizer cannot enumerate what it allows). The REST layer rejects an empty
 * spec.namespace before calling this (BadRequest "no namespace on request").
 */
export function rulesFor(user: UserInfo, namespace: string, rbac: RbacSource): SubjectRulesReviewStatus {
  const node = isNodeUser(user);
  const { resourceRules, nonResourceRules, errors } = rbacRulesFor(user, namespace, rbac);
  const messages = [...(node ? [NODE_RESOLUTION_ERROR] : []), ...errors];
  const status: SubjectRulesReviewStatus = { resourceRules, nonResourceRules, incomplete: node };
  const evaluationError = aggregateMessage(messages);
  if (evaluationError !== undefined) status.evaluationError = evaluationError;
  return status;
}
