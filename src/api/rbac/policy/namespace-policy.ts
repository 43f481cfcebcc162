// The Roles and RoleBindings the apiserver bootstraps into kube-system and kube-public (v1.32
// bootstrappolicy namespace_policy.go): delegated-authentication reading, the bootstrap signer,
// the token cleaner, the deprecated cloud-provider role, and leader election for the
// controller-manager and the scheduler.
import type { BindingSpec, Namespaced, RoleSpec } from './spec.js';
import { roleBinding } from './spec.js';
import {
  COORDINATION, CORE, KUBE_PUBLIC, KUBE_SYSTEM, USERS, eventsRule, rule, serviceAccount, user,
} from './vocabulary.js';

const LEADER_VERBS = ['get', 'watch', 'list', 'create', 'update'];

function leaderLocking(component: string): RoleSpec {
  return {
    name: `system::leader-locking-${component}`,
    rules: [
      rule(['watch'], [CORE], ['configmaps']),
      rule(['get', 'update'], [CORE], ['configmaps'], [component]),
      rule(LEADER_VERBS, [COORDINATION], ['leases']),
      rule(LEADER_VERBS, [COORDINATION], ['leasecandidates']),
    ],
  };
}

const inSystem = <T>(spec: T): Namespaced<T> => ({ namespace: KUBE_SYSTEM, spec });
const inPublic = <T>(spec: T): Namespaced<T> => ({ namespace: KUBE_PUBLIC, spec });
const systemSA = (name: string) => serviceAccount(KUBE_SYSTEM, name);

export const DEFAULT_ROLES: Namespaced<RoleSpec>[] = [
  inSystem({
    name: 'extension-apiserver-authentication-reader',
    rules: [rule(['get', 'list', 'watch'], [CORE], ['configmaps'], ['extension-apiserver-authentication'])],
  }),
  inSystem({ name: 'system:controller:bootstrap-signer', rules: [rule(['get', 'list', 'watch'], [CORE], ['secrets'])] }),
  inSystem({
    name: 'system:controller:cloud-provider',
    rules: [rule(['create', 'get', 'list', 'watch'], [CORE], ['configmaps'])],
  }),
  inSystem({
    name: 'system:controller:token-cleaner',
    rules: [rule(['get', 'list', 'watch', 'delete'], [CORE], ['secrets']), eventsRule()],
  }),
  inSystem(leaderLocking('kube-controller-manager')),
  inSystem(leaderLocking('kube-scheduler')),
  inPublic({
    name: 'system:controller:bootstrap-signer',
    rules: [
      rule(['get', 'list', 'watch'], [CORE], ['configmaps']),
      rule(['update'], [CORE], ['configmaps'], ['cluster-info']),
      eventsRule(),
    ],
  }),
];

export const DEFAULT_ROLE_BINDINGS: Namespaced<BindingSpec>[] = [
  inSystem(roleBinding('extension-apiserver-authentication-reader',
    [user(USERS.kubeControllerManager), user(USERS.kubeScheduler)],
    'system::extension-apiserver-authentication-reader')),
  inSystem(roleBinding('system::leader-locking-kube-controller-manager',
    [user(USERS.kubeControllerManager), systemSA('kube-controller-manager'), systemSA('leader-election-controller')])),
  inSystem(roleBinding('system::leader-locking-kube-scheduler', [user(USERS.kubeScheduler), systemSA('kube-scheduler')])),
  inSystem(roleBinding('system:controller:bootstrap-signer', [systemSA('bootstrap-signer')])),
  inSystem(roleBinding('system:controller:cloud-provider', [systemSA('cloud-provider')])),
  inSystem(roleBinding('system:controller:token-cleaner', [systemSA('token-cleaner')])),
  inPublic(roleBinding('system:controller:bootstrap-signer', [systemSA('bootstrap-signer')])),
];
