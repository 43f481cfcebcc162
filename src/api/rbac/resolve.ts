// Which rules apply to a user in a namespace: upstream's DefaultRuleResolver.VisitRulesFor.
// ClusterRoleBindings first, then (for a namespaced request) the namespace's RoleBindings; each
// binding that names the user, one of its groups, or its service account contributes the rules
// of the role it references. A reference to a missing role is an error, not a denial.
import type { KObject, UserInfo } from '../types.js';
import { nameOf, roleRefOf, rulesOf, subjectsOf } from './decode.js';
import { goQuote } from './format.js';
import type { PolicyRule, RbacSource, RoleRef, Subject } from './types.js';

const SA_PREFIX = 'system:serviceaccount:';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Called per rule (with a describer of where it came from) or per resolution error. */
export type RuleVisitor = (
  rule: PolicyRule | undefined,
  describe: () => string,
  error: string | undefined,
) => boolean;

/** serviceaccount.MatchesUsername. */
function isServiceAccount(username: string, namespace: string, name: string): boolean {
  return username === `${SA_PREFIX}${namespace}:${name}`;
}

function appliesToUser(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const saNamespace = subject.namespace || namespace;
      return saNamespace !== '' && isServiceAccount(user.name, saNamespace, subject.name);
    }
    default:
      return false;
  }
}

function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind !== 'ServiceAccount') return `${subject.kind} ${goQuote(subject.name)}`;
  const ns = subject.namespace || bindingNamespace;
  return `${subject.kind} ${goQuote(`${subject.name}/${ns}`)}`;
}

function notFound(resource: string, name: string): string {
  return `${resource}.${RBAC_GROUP} ${goQuote(name)} not found`;
}

/** GetRoleReferenceRules: the rules of the referenced role, or the lister's error text. */
export function roleReferenceRules(
  rbac: RbacSource,
  ref: RoleRef,
  bindingNamespace: string,
): PolicyRule[] | string {
  if (ref.kind === 'Role') {
    const role = rbac.roles(bindingNamespace).find((r) => nameOf(r) === ref.name);
    return role ? rulesOf(role) : notFound('role', ref.name);
  }
  if (ref.kind === 'ClusterRole') {
    const role = rbac.clusterRoles().find((r) => nameOf(r) === ref.name);
    return role ? rulesOf(role) : notFound('clusterrole', ref.name);
  }
  return `unsupported role reference kind: ${goQuote(ref.kind)}`;
}

function bindingSource(binding: KObject, subject: Subject, namespace: string): string {
  const ref = roleRefOf(binding);
  const of = `of ${ref.kind} ${goQuote(ref.name)} to ${describeSubject(subject, namespace)}`;
  if (namespace === '') return `ClusterRoleBinding ${goQuote(nameOf(binding))} ${of}`;
  return `RoleBinding ${goQuote(`${nameOf(binding)}/${namespace}`)} ${of}`;
}

/** Visits the bindings of one scope; false when the visitor stopped the walk. */
function visitBindings(
  rbac: RbacSource,
  user: UserInfo,
  bindings: KObject[],
  namespace: string,
  visitor: RuleVisitor,
): boolean {
  for (const binding of bindings) {
    const subject = subjectsOf(binding).find((s) => appliesToUser(user, s, namespace));
    if (!subject) continue;
    const rules = roleReferenceRules(rbac, roleRefOf(binding), namespace);
    if (typeof rules === 'string') {
      if (!visitor(undefined, () => '', rules)) return false;
      continue;
    }
    const describe = (): string => bindingSource(binding, subject, namespace);
    for (const rule of rules) {
      if (!visitor(rule, describe, undefined)) return false;
    }
  }
  return true;
}

/** VisitRulesFor: cluster-wide bindings, then those of `namespace` when it is not "". */
export function visitRulesFor(
  rbac: RbacSource,
  user: UserInfo,
  namespace: string,
  visitor: RuleVisitor,
): void {
  if (!visitBindings(rbac, user, rbac.clusterRoleBindings(), '', visitor)) return;
  if (namespace === '') return;
  visitBindings(rbac, user, rbac.roleBindings(namespace), namespace, visitor);
}
