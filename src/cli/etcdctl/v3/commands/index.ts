// Command path → module, loaded only when that command runs (each is its own chunk).
import type { CommandContext } from '../context.js';
import type { CommandModule } from './module.js';

type Loader = () => Promise<CommandModule>;
type Run = (ctx: CommandContext) => Promise<number>;

function pick<M>(load: () => Promise<M>, choose: (m: M) => Run): Loader {
  return async () => ({ run: choose(await load()) });
}

export const COMMANDS: Record<string, Loader> = {
  version: () => import('./version.js'),
  put: () => import('./put.js'),
  get: () => import('./get.js'),
  del: () => import('./del.js'),
  txn: () => import('./txn.js'),
  compaction: () => import('./compaction.js'),
  watch: () => import('./watch.js'),
  'lease grant': () => import('./lease-grant.js'),
  'lease revoke': () => import('./lease-revoke.js'),
  'lease timetolive': () => import('./lease-timetolive.js'),
  'lease list': () => import('./lease-list.js'),
  'lease keep-alive': () => import('./lease-keep-alive.js'),
  'member list': () => import('./member-list.js'),
  'member add': () => import('./member-add.js'),
  'member remove': pick(() => import('./member-change.js'), (m) => m.remove),
  'member update': pick(() => import('./member-change.js'), (m) => m.update),
  'member promote': pick(() => import('./member-change.js'), (m) => m.promote),
  'endpoint health': () => import('./endpoint-health.js'),
  'endpoint status': pick(() => import('./endpoint-status.js'), (m) => m.status),
  'endpoint hashkv': pick(() => import('./endpoint-status.js'), (m) => m.hashkv),
  defrag: () => import('./defrag.js'),
  'alarm list': pick(() => import('./alarm.js'), (m) => m.list),
  'alarm disarm': pick(() => import('./alarm.js'), (m) => m.disarm),
  'move-leader': () => import('./move-leader.js'),
  'snapshot save': () => import('./snapshot-save.js'),
  'snapshot status': pick(() => import('./snapshot-file.js'), (m) => m.status),
  'snapshot restore': pick(() => import('./snapshot-file.js'), (m) => m.restore),
  'auth enable': pick(() => import('./auth.js'), (m) => m.enable),
  'auth disable': pick(() => import('./auth.js'), (m) => m.disable),
  'user add': pick(() => import('./user.js'), (m) => m.add),
  'user delete': pick(() => import('./user.js'), (m) => m.del),
  'user get': pick(() => import('./user.js'), (m) => m.get),
  'user list': pick(() => import('./user.js'), (m) => m.list),
  'user passwd': pick(() => import('./user.js'), (m) => m.passwd),
  'user grant-role': pick(() => import('./user.js'), (m) => m.grantRole),
  'user revoke-role': pick(() => import('./user.js'), (m) => m.revokeRole),
  'role add': pick(() => import('./role.js'), (m) => m.add),
  'role delete': pick(() => import('./role.js'), (m) => m.del),
  'role get': pick(() => import('./role.js'), (m) => m.get),
  'role list': pick(() => import('./role.js'), (m) => m.list),
  'role grant-permission': pick(() => import('./role.js'), (m) => m.grantPermission),
  'role revoke-permission': pick(() => import('./role.js'), (m) => m.revokePermission),
  lock: () => import('./lock.js'),
  elect: () => import('./elect.js'),
  'completion bash': () => import('./completion.js'),
  'completion zsh': () => import('./completion.js'),
  'completion fish': () => import('./completion.js'),
  'completion powershell': () => import('./completion.js'),
  'make-mirror': () => import('./make-mirror.js'),
  migrate: () => import('./migrate.js'),
  'check perf': () => import('./check-perf.js'),
  'check datascale': () => import('./check-datascale.js'),
};
