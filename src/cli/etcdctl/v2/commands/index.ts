// API 2 command path → handler module, loaded on use.
import type { V2Context } from '../context.js';

type Run = (ctx: V2Context) => Promise<number>;
type Loader = () => Promise<{ run: Run }>;

function pick<M>(load: () => Promise<M>, choose: (m: M) => Run): Loader {
  return async () => ({ run: choose(await load()) });
}

const write = () => import('./keys-write.js');
const read = () => import('./keys-read.js');
const watch = () => import('./watch.js');
const members = () => import('./members.js');
const auth = () => import('./auth.js');

export const V2_COMMANDS: Record<string, Loader> = {
  set: pick(write, (m) => m.set),
  mk: pick(write, (m) => m.mk),
  mkdir: pick(write, (m) => m.mkdir),
  setdir: pick(write, (m) => m.setdir),
  update: pick(write, (m) => m.update),
  updatedir: pick(write, (m) => m.updatedir),
  get: pick(read, (m) => m.get),
  ls: pick(read, (m) => m.ls),
  rm: pick(read, (m) => m.rm),
  rmdir: pick(read, (m) => m.rmdir),
  watch: pick(watch, (m) => m.watch),
  'exec-watch': pick(watch, (m) => m.execWatch),
  'member list': pick(members, (m) => m.memberList),
  'member add': pick(members, (m) => m.memberAdd),
  'member remove': pick(members, (m) => m.memberRemove),
  'member update': pick(members, (m) => m.memberUpdate),
  'cluster-health': pick(members, (m) => m.clusterHealth),
  'user add': pick(auth, (m) => m.userAdd),
  'user get': pick(auth, (m) => m.userGet),
  'user list': pick(auth, (m) => m.userList),
  'user remove': pick(auth, (m) => m.userRemove),
  'user grant': pick(auth, (m) => m.userGrant),
  'user revoke': pick(auth, (m) => m.userRevoke),
  'user passwd': pick(auth, (m) => m.userPasswd),
  'role add': pick(auth, (m) => m.roleAdd),
  'role get': pick(auth, (m) => m.roleGet),
  'role list': pick(auth, (m) => m.roleList),
  'role remove': pick(auth, (m) => m.roleRemove),
  'role grant': pick(auth, (m) => m.roleGrant),
  'role revoke': pick(auth, (m) => m.roleRevoke),
  'auth enable': pick(auth, (m) => m.authEnable),
  'auth disable': pick(auth, (m) => m.authDisable),
  backup: pick(() => import('./backup.js'), (m) => m.backup),
};
