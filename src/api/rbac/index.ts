// RBAC for the apiserver: authorization decisions, SelfSubjectRulesReview answers, and the
// default policy of a kubeadm v1.32 cluster.
export { authorize, rbacAuthorize, SYSTEM_MASTERS } from './authorize.js';
export { rulesFor, rbacRulesFor, isNodeUser } from './rules-review.js';
export { ruleAllows } from './match.js';
export { memoryRbacSource } from './memory-source.js';
export {
  apiserverBootstrapPolicy,
  kubeadmBootstrapPolicy,
  bootstrapClusterRoles,
  bootstrapClusterRoleBindings,
  bootstrapRoles,
  bootstrapRoleBindings,
  type BootstrapPolicy,
} from './policy/bootstrap.js';
export type {
  AuthorizerAttributes,
  Decision,
  NonResourceRule,
  PolicyRule,
  RbacSource,
  ResourceRule,
  RoleRef,
  Subject,
  SubjectRulesReviewStatus,
} from './types.js';
