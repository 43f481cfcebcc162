// Default ClusterRoles for people (v1.32 bootstrappolicy.ClusterRoles, first part): the
// superuser role, discovery/monitoring/basic-user, and the aggregated admin/edit/view roles with
// the system:aggregate-to-* roles they are built from. Feature-gated rules that are off by
// default in v1.32 (ComponentFlagz, ComponentStatusz) are not included.
import type { RoleSpec } from './spec.js';
import {
  APPS, AUTHENTICATION, AUTHORIZATION, AUTOSCALING, BATCH, COORDINATION, CORE, DISCOVERY,
  EXTENSIONS, NETWORKING, POLICY, RBAC, READ, READ_WRITE, WRITE, rule, urlRule,
} from './vocabulary.js';

const AGGREGATE_TO_ADMIN = { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' };
const AGGREGATE_TO_EDIT = { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' };
const AGGREGATE_TO_VIEW = { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' };

const AGGREGATE_TO_EDIT_RULES = [
  rule(READ, [CORE], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
  rule(['impersonate'], [CORE], ['serviceaccounts']),
  rule(WRITE, [CORE], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
  rule(['create'], [CORE], ['pods/eviction']),
  rule(WRITE, [CORE], ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts',
    'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
  rule(['create'], [CORE], ['serviceaccounts/token']),
  rule(WRITE, [APPS], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments',
    'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
  rule(WRITE, [AUTOSCALING], ['horizontalpodautoscalers']),
  rule(WRITE, [BATCH], ['jobs', 'cronjobs']),
  rule(WRITE, [EXTENSIONS], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback',
    'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
  rule(WRITE, [POLICY], ['poddisruptionbudgets']),
  rule(WRITE, [NETWORKING], ['networkpolicies', 'ingresses']),
  rule(READ_WRITE, [COORDINATION], ['leases']),
];

const AGGREGATE_TO_VIEW_RULES = [
  rule(READ, [CORE], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts',
    'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status',
    'configmaps']),
  rule(READ, [CORE], ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status',
    'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
  rule(READ, [CORE], ['namespaces']),
  rule(READ, [DISCOVERY], ['endpointslices']),
  rule(READ, [APPS], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale',
    'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale',
    'replicasets', 'replicasets/status', 'replicasets/scale']),
  rule(READ, [AUTOSCALING], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  rule(READ, [BATCH], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
  rule(READ, [EXTENSIONS], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale',
    'deployments/status', 'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale',
    'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies']),
  rule(READ, [POLICY], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  rule(READ, [NETWORKING], ['networkpolicies', 'ingresses', 'ingresses/status']),
];

export const USER_FACING_ROLES: RoleSpec[] = [
  {
    name: 'cluster-admin',
    rules: [rule(['*'], ['*'], ['*']), urlRule(['*'], ['*'])],
  },
  {
    name: 'system:discovery',
    rules: [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/',
      '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'])],
  },
  {
    name: 'system:monitoring',
    rules: [urlRule(['get'], ['/metrics', '/metrics/slis', '/livez', '/readyz', '/healthz',
      '/livez/*', '/readyz/*', '/healthz/*'])],
  },
  {
    name: 'system:basic-user',
    rules: [
      rule(['create'], [AUTHORIZATION], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
      rule(['create'], [AUTHENTICATION], ['selfsubjectreviews']),
    ],
  },
  {
    name: 'system:public-info-viewer',
    rules: [urlRule(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])],
  },
  { name: 'admin', aggregateFrom: [AGGREGATE_TO_ADMIN], rules: [] },
  { name: 'edit', labels: AGGREGATE_TO_ADMIN, aggregateFrom: [AGGREGATE_TO_EDIT], rules: [] },
  { name: 'view', labels: AGGREGATE_TO_EDIT, aggregateFrom: [AGGREGATE_TO_VIEW], rules: [] },
  {
    name: 'system:aggregate-to-admin',
    labels: AGGREGATE_TO_ADMIN,
    rules: [
      rule(['create'], [AUTHORIZATION], ['localsubjectaccessreviews']),
      rule(READ_WRITE, [RBAC], ['roles', 'rolebindings']),
    ],
  },
  { name: 'system:aggregate-to-edit', labels: AGGREGATE_TO_EDIT, rules: AGGREGATE_TO_EDIT_RULES },
  { name: 'system:aggregate-to-view', labels: AGGREGATE_TO_VIEW, rules: AGGREGATE_TO_VIEW_RULES },
];
