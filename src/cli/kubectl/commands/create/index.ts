// The generators of `kubectl create` and `kubectl run`, by their command path; each module loads
// only when it runs.
import type { CommandModule } from '../../context.js';

type Loader = () => Promise<CommandModule>;

export const CREATE_COMMANDS: Record<string, Loader> = {
  create: () => import('./bare.js'),
  'create deployment': () => import('./deployment.js'),
  'create service clusterip': () => import('./service.js').then((m) => m.clusterIP),
  'create service nodeport': () => import('./service.js').then((m) => m.nodePort),
  'create service loadbalancer': () => import('./service.js').then((m) => m.loadBalancer),
  'create service externalname': () => import('./service.js').then((m) => m.externalName),
  'create configmap': () => import('./configmap.js'),
  'create secret generic': () => import('./secret.js'),
  'create secret docker-registry': () => import('./secret-docker.js'),
  'create secret tls': () => import('./secret-tls.js'),
  'create job': () => import('./job.js'),
  'create cronjob': () => import('./cronjob.js'),
  'create namespace': () => import('./namespace.js'),
  'create serviceaccount': () => import('./serviceaccount.js'),
  'create role': () => import('./role.js'),
  'create clusterrole': () => import('./clusterrole.js'),
  'create rolebinding': () => import('./bindings.js').then((m) => m.roleBinding),
  'create clusterrolebinding': () => import('./bindings.js').then((m) => m.clusterRoleBinding),
  'create quota': () => import('./quota.js'),
  'create priorityclass': () => import('./priorityclass.js'),
  'create ingress': () => import('./ingress.js'),
  'create poddisruptionbudget': () => import('./pdb.js'),
  'create token': () => import('./token.js'),
  run: () => import('../run.js'),
};
