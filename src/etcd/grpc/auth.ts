// etcdserverpb.Auth as etcd 3.4 serves it: every call but Authenticate is a raft proposal whose
// apply step checks the caller (the root role for management; a user may read itself and its own
// roles). etcd 3.4 has no AuthStatus (3.5 added it).
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EtcdServer } from '../server.js';
import type { AuthInfo } from '../auth/store.js';
import { NO_USER } from '../auth/store.js';
import * as ops from '../auth/ops.js';
import { errAuthFailed, errAuthNotEnabled, errUserEmpty } from '../auth/errors.js';
import type { PermType } from '../auth/perms.js';
import { EtcdError, unary } from './status.js';

type Wire = Record<string, unknown>;
type Apply = (req: Wire, ai: AuthInfo) => Promise<Wire | void> | Wire | void;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const bytes = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : Buffer.alloc(0));

export function authService(server: EtcdServer): UntypedServiceImplementation {
  const { auth } = server;
  const state = () => auth.current;
  const header = async (): Promise<Wire> => ({ ...server.header((await server.store.status()).header.revision) });

  /** A proposal: the caller's identity travels with it; admin ones need the root role at apply. */
  const proposal = (apply: Apply, admin = true) =>
    unary(async (req, call) =>
      server.agree(async () => {
        const ai = auth.authInfo(call) ?? NO_USER;
        const extra = await auth.propose(async () => {
          if (admin) auth.isAdminPermitted(ai);
          return apply(req, ai);
        });
        return { header: await header(), ...(extra ?? {}) };
      }),
    );

  return {
    authEnable: proposal(() => {
      if (ops.authEnable(state())) auth.tokens.enable();
    }),
    authDisable: proposal(() => {
      if (ops.authDisable(state())) auth.tokens.disable();
    }),
    authStatus: unary(async () => {
      throw new EtcdError('unknown method AuthStatus for service etcdserverpb.Auth', 'Unimplemented');
    }),
    authenticate: unary(async (req, call) =>
      server.agree(async () => {
        const name = str(req.name);
        await auth.checkPassword(name, str(req.password));
        const prefix = auth.tokens.genPrefix();
        auth.authInfo(call);
        const token = await auth.propose((index) => {
          const u = state().users.get(name);
          if (!auth.enabled) throw errAuthNotEnabled();
          if (!u || u.noPassword) throw errAuthFailed();
          return auth.tokens.assign(name, prefix, index);
        });
        return { header: await header(), token };
      }),
    ),
    userAdd: proposal(async (req) => {
      const name = str(req.name);
      if (name === '') throw errUserEmpty();
      const noPassword = (req.options as Wire | undefined)?.noPassword === true;
      const hash = noPassword ? '' : await auth.hash(str(req.password));
      ops.userAdd(state(), name, hash, noPassword);
    }),
    userGet: proposal((req, ai) => {
      const name = str(req.name);
      try {
        auth.isAdminPermitted(ai);
      } catch (err) {
        if (name !== ai.username) throw err;
      }
      return { roles: ops.userGet(state(), name) };
    }, false),
    userList: proposal(() => ({ users: ops.userList(state()) })),
    userDelete: proposal((req) => {
      ops.userDelete(state(), str(req.name));
      auth.tokens.invalidateUser(str(req.name));
    }),
    userChangePassword: proposal(async (req) => {
      const hash = await auth.hash(str(req.password));
      ops.userChangePassword(state(), str(req.name), hash);
      auth.tokens.invalidateUser(str(req.name));
    }),
    userGrantRole: proposal((req) => ops.userGrantRole(state(), str(req.user), str(req.role))),
    userRevokeRole: proposal((req) => ops.userRevokeRole(state(), str(req.name), str(req.role))),
    roleAdd: proposal((req) => ops.roleAdd(state(), str(req.name))),
    roleGet: proposal((req, ai) => {
      const role = str(req.role);
      try {
        auth.isAdminPermitted(ai);
      } catch (err) {
        if (!auth.hasRole(ai.username, role)) throw err;
      }
      return { perm: ops.roleGet(state(), role).map((p) => ({ permType: p.permType, key: p.key, rangeEnd: p.rangeEnd })) };
    }, false),
    roleList: proposal(() => ({ roles: ops.roleList(state()) })),
    roleDelete: proposal((req) => ops.roleDelete(state(), str(req.role))),
    roleGrantPermission: proposal((req) => {
      const perm = (req.perm ?? {}) as Wire;
      ops.roleGrantPermission(state(), str(req.name), { permType: Number(perm.permType ?? 0) as PermType, key: bytes(perm.key), rangeEnd: bytes(perm.rangeEnd) });
    }),
    roleRevokePermission: proposal((req) => ops.roleRevokePermission(state(), str(req.role), bytes(req.key), bytes(req.rangeEnd))),
  };
}
