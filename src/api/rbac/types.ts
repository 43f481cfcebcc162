// The shapes RBAC evaluation works on: rbac.authorization.k8s.io/v1 PolicyRule, Subject and
// RoleRef as JSON, the apiserver's authorizer.Attributes, and what the authorizer answers.
import type { KObject, UserInfo } from '../types.js';
import type { PolicyRule } from '../../client/types.js';

export type { PolicyRule };

/** rbacv1.Subject. */
export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

/** rbacv1.RoleRef. */
export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** The RBAC objects the apiserver keeps cached; every call is synchronous. */
export interface RbacSource {
  roles(namespace: string): KObject[];
  roleBindings(namespace: string): KObject[];
  clusterRoles(): KObject[];
  clusterRoleBindings(): KObject[];
  /** The pods bound to a node, for the Node authorizer's graph (absent: no graph). */
  podsOnNode?(node: string): KObject[];
  /** A PVC, for the graph's pod → PVC → PV edge. */
  persistentVolumeClaim?(namespace: string, name: string): KObject | undefined;
}

/** authorizer.Attributes of one request, after authentication. */
export interface AuthorizerAttributes {
  user: UserInfo;
  verb: string;
  namespace: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  name: string;
  resourceRequest: boolean;
  path: string;
}

/** An authorizer's answer; `reason` is upstream's text ("" when it has none). */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/** authorization.k8s.io/v1 ResourceRule. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** authorization.k8s.io/v1 NonResourceRule. */
export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

/** authorization.k8s.io/v1 SubjectRulesReviewStatus. */
export interface SubjectRulesReviewStatus {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  evaluationError?: string;
}
