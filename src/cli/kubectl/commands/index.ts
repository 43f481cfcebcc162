// The implemented commands, by their path after `kubectl`; each module loads only when it runs.
import type { CommandModule } from '../context.js';
import { CREATE_COMMANDS } from './create/index.js';
import { APPLY_COMMANDS } from './apply-index.js';
import { CONFIG_COMMANDS } from './config/index.js';
import { MUTATE_COMMANDS } from './mutate-index.js';
import { WORKLOAD_COMMANDS } from './workload-index.js';

type Loader = () => Promise<CommandModule>;

export const COMMANDS: Record<string, Loader> = {
  ...APPLY_COMMANDS,
  ...CONFIG_COMMANDS,
  ...MUTATE_COMMANDS,
  ...WORKLOAD_COMMANDS,
  ...CREATE_COMMANDS,
  get: () => import('./get/get.js'),
  describe: () => import('./describe.js'),
  exec: () => import('./exec.js'),
  attach: () => import('./attach.js'),
  'port-forward': () => import('./port-forward/port-forward.js'),
  proxy: () => import('./proxy.js'),
  'api-resources': () => import('./api-resources.js'),
  'api-versions': () => import('./api-versions.js'),
  'auth can-i': () => import('./auth/can-i.js'),
  'auth whoami': () => import('./auth/whoami.js'),
  'auth reconcile': () => import('./auth/reconcile/reconcile.js'),
  'certificate approve': () => import('./certificate.js'),
  'certificate deny': () => import('./certificate.js'),
  'cluster-info': () => import('./cluster-info.js'),
  events: () => import('./events/events.js'),
  explain: () => import('./explain.js'),
  help: () => import('./help.js'),
  logs: () => import('./logs/logs.js'),
  options: () => import('./options.js'),
  'top node': () => import('./top/top.js'),
  'top pod': () => import('./top/top.js'),
  version: () => import('./version.js'),
  'plugin list': () => import('./plugin/list.js'),
  'set subject': () => import('./set/subject.js'),
  cp: () => import('./cp.js'),
  'cluster-info dump': () => import('./cluster-info-dump.js'),
  debug: () => import('./debug/debug.js'),
  completion: () => import('./completion/command.js'),
};
