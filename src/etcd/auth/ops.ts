// The user and role operations of etcd 3.4's auth store, applied to the state. Each checks
// everything before it changes anything, and bumps the auth revision when (and only when) etcd
// does. Password hashing happens before, in the caller.
import type { Permission } from './perms.js';
import { byteOrder, type AuthState, type User } from './state.js';
import * as E from './errors.js';

export const ROOT = 'root';

export const hasRootRole = (u: User): boolean => u.roles.includes(ROOT);

function user(s: AuthState, name: string): User {
  const u = s.users.get(name);
  if (!u) throw E.errUserNotFound();
  return u;
}

const bump = (s: AuthState): void => {
  s.revision++;
};

/** Returns false when auth was already on (nothing to do). */
export function authEnable(s: AuthState): boolean {
  if (s.enabled) return false;
  const root = s.users.get(ROOT);
  if (!root) throw E.errRootUserNotExist();
  if (!hasRootRole(root)) throw E.errRootRoleNotExist();
  s.enabled = true;
  return true;
}

/** Returns false when auth was already off. */
export function authDisable(s: AuthState): boolean {
  if (!s.enabled) return false;
  s.enabled = false;
  bump(s);
  return true;
}

export function userAdd(s: AuthState, name: string, password: string, noPassword: boolean): void {
  if (s.users.has(name)) throw E.errUserAlreadyExist();
  s.users.set(name, { name, password, roles: [], noPassword });
  bump(s);
}

export function userDelete(s: AuthState, name: string): void {
  if (s.enabled && name === ROOT) throw E.errInvalidAuthMgmt();
  user(s, name);
  s.users.delete(name);
  bump(s);
}

export function userChangePassword(s: AuthState, name: string, password: string): void {
  user(s, name).password = password;
  bump(s);
}

export function userGrantRole(s: AuthState, name: string, role: string): void {
  const u = user(s, name);
  if (role !== ROOT && !s.roles.has(role)) throw E.errRoleNotFound();
  if (u.roles.includes(role)) return; // etcd ignores a duplicate grant
  u.roles = [...u.roles, role].sort(byteOrder);
  bump(s);
}

export function userRevokeRole(s: AuthState, name: string, role: string): void {
  if (s.enabled && name === ROOT && role === ROOT) throw E.errInvalidAuthMgmt();
  const u = user(s, name);
  const kept = u.roles.filter((r) => r !== role);
  if (kept.length === u.roles.length) throw E.errRoleNotGranted();
  u.roles = kept;
  bump(s);
}

export const userGet = (s: AuthState, name: string): string[] => [...user(s, name).roles];

export const userList = (s: AuthState): string[] => [...s.users.keys()].sort(byteOrder);

export function roleAdd(s: AuthState, name: string): void {
  if (name === '') throw E.errRoleEmpty();
  if (s.roles.has(name)) throw E.errRoleAlreadyExist();
  s.roles.set(name, { name, perms: [] });
  bump(s);
}

function role(s: AuthState, name: string) {
  const r = s.roles.get(name);
  if (!r) throw E.errRoleNotFound();
  return r;
}

export const roleGet = (s: AuthState, name: string): Permission[] => [...role(s, name).perms];

export const roleList = (s: AuthState): string[] => [...s.roles.keys()].sort(byteOrder);

export function roleDelete(s: AuthState, name: string): void {
  if (s.enabled && name === ROOT) throw E.errInvalidAuthMgmt();
  role(s, name);
  s.roles.delete(name);
  for (const u of s.users.values()) u.roles = u.roles.filter((r) => r !== name);
  bump(s);
}

/** etcd looks only at the first permission whose key is not below the new one's. */
export function roleGrantPermission(s: AuthState, name: string, perm: Permission): void {
  const r = role(s, name);
  const idx = r.perms.findIndex((p) => Buffer.compare(p.key, perm.key) >= 0);
  const at = idx >= 0 ? r.perms[idx] : undefined;
  if (at && at.key.equals(perm.key) && at.rangeEnd.equals(perm.rangeEnd)) {
    at.permType = perm.permType;
  } else {
    // A stable sort, as Go's insertion sort is for a role's handful of permissions.
    r.perms = [...r.perms, { ...perm }].sort((a, b) => Buffer.compare(a.key, b.key));
  }
  bump(s);
}

export function roleRevokePermission(s: AuthState, name: string, key: Buffer, rangeEnd: Buffer): void {
  const r = role(s, name);
  const kept = r.perms.filter((p) => !p.key.equals(key) || !p.rangeEnd.equals(rangeEnd));
  if (kept.length === r.perms.length) throw E.errPermissionNotGranted();
  r.perms = kept;
  bump(s);
}

/** The permissions of all of a user's roles, roles in order (unknown roles contribute nothing). */
export function userPerms(s: AuthState, u: User): Permission[] {
  return u.roles.flatMap((name) => s.roles.get(name)?.perms ?? []);
}
