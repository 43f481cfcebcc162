// etcd v2 auth's rules (v2auth.store): the root user always has the root role, the root role is
// built in and may not change, enabling needs a root user and creates the guest role, grants and
// revokes merge into sorted lists, key access by `*`-suffixed patterns. Wording as etcd's.
import type http from 'node:http';
import {
  AuthError,
  AuthResources,
  GUEST,
  ROOT,
  checkPassword,
  guestRole,
  hashPassword,
  isExisting,
  isMissing,
  rootRole,
  type Permissions,
  type RWPermission,
  type Role,
  type User,
} from './v2authstore.js';

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

function attachRootRole(u: User): User {
  const roles = u.roles ?? [];
  return roles.includes(ROOT) ? u : { ...u, roles: [...roles, ROOT] };
}

function grantKv(p: RWPermission, n: RWPermission): RWPermission {
  for (const r of n.read ?? []) if (p.read.includes(r)) throw new AuthError(409, `Granting duplicate read permission ${r}`);
  for (const w of n.write ?? []) if (p.write.includes(w)) throw new AuthError(409, `Granting duplicate write permission ${w}`);
  return { read: sorted([...p.read, ...(n.read ?? [])]), write: sorted([...p.write, ...(n.write ?? [])]) };
}

function revokeKv(p: RWPermission, n: RWPermission): RWPermission {
  const read = new Set(n.read ?? []);
  const write = new Set(n.write ?? []);
  return { read: sorted(p.read.filter((r) => !read.has(r))), write: sorted(p.write.filter((w) => !write.has(w))) };
}

const isEmpty = (p: Permissions | undefined | null): boolean => !p || ((p.kv?.read ?? []).length === 0 && (p.kv?.write ?? []).length === 0);
export { isEmpty as permissionsEmpty };

function simpleMatch(pattern: string, key: string): boolean {
  return pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern;
}

export function hasKeyAccess(role: Role, key: string, write: boolean, recursive: boolean): boolean {
  if (role.role === ROOT) return true;
  const list = (write ? role.permissions?.kv?.write : role.permissions?.kv?.read) ?? [];
  return list.some((pat) => (recursive ? pat.endsWith('*') && key.startsWith(pat.slice(0, -1)) : simpleMatch(pat, key)));
}

/** Go's Request.BasicAuth. */
function basicAuth(req: http.IncomingMessage): { user: string; password: string } | undefined {
  const h = req.headers.authorization ?? '';
  if (h.length < 6 || h.slice(0, 6).toLowerCase() !== 'basic ') return undefined;
  const text = Buffer.from(h.slice(6), 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

export class V2Auth {
  constructor(readonly res: AuthResources) {}

  enabled(): Promise<boolean> {
    return this.res.enabled();
  }

  async getUser(name: string, quorum = false): Promise<User> {
    try {
      const u = JSON.parse(await this.res.get('users', name, quorum)) as User;
      return u.user === ROOT ? attachRootRole(u) : u;
    } catch (err) {
      if (isMissing(err)) throw new AuthError(404, `User ${name} does not exist.`);
      throw err;
    }
  }

  async getRole(name: string, quorum = false): Promise<Role> {
    if (name === ROOT) return rootRole();
    try {
      return JSON.parse(await this.res.get('roles', name, quorum)) as Role;
    } catch (err) {
      if (isMissing(err)) throw new AuthError(404, `Role ${name} does not exist.`);
      throw err;
    }
  }

  async allUsers(): Promise<string[]> {
    return this.res.list('users').then(sorted, (err) => (isMissing(err) ? [] : Promise.reject(err)));
  }

  async allRoles(): Promise<string[]> {
    const names = await this.res.list('roles').catch((err) => (isMissing(err) ? [] : Promise.reject(err)));
    return sorted([ROOT, ...names]);
  }

  async createUser(user: User): Promise<User> {
    const u = user.user === ROOT ? attachRootRole(user) : user;
    if (!u.password) throw new AuthError(400, `Cannot create user ${u.user} with an empty password`);
    const stored: User = { user: u.user, password: hashPassword(u.password), roles: u.roles ?? null, ...(u.grant ? { grant: u.grant } : {}), ...(u.revoke ? { revoke: u.revoke } : {}) };
    try {
      await this.res.set('users', u.user, stored, false);
    } catch (err) {
      if (isExisting(err)) throw new AuthError(409, `User ${u.user} already exists.`);
      throw err;
    }
    return stored;
  }

  /** CreateOrUpdateUser: [user, created]. */
  async createOrUpdateUser(user: User): Promise<[User, boolean]> {
    const exists = await this.getUser(user.user, true).then(
      () => true,
      () => false,
    );
    return exists ? [await this.updateUser(user), false] : [await this.createUser(user), true];
  }

  async updateUser(user: User): Promise<User> {
    // getUser's 'does not exist.' passes through: UpdateUser's own 'doesn't exist.' is for a raw
    // not-found error, which getUser never returns
    const old = await this.getUser(user.user, true);
    const roles = new Set(old.roles ?? []);
    for (const g of user.grant ?? []) {
      if (roles.has(g)) throw new AuthError(409, `Granting duplicate role ${g} for user ${user.user}`);
      roles.add(g);
    }
    for (const r of user.revoke ?? []) {
      if (!roles.has(r)) throw new AuthError(409, `Revoking ungranted role ${r} for user ${user.user}`);
      roles.delete(r);
    }
    const next: User = { user: old.user, password: user.password ? hashPassword(user.password) : old.password!, roles: [...roles].sort() };
    // Go's DeepEqual: a new password always differs (fresh salt); null roles differ from [].
    const same = !user.password && old.roles !== null && JSON.stringify(next.roles) === JSON.stringify(old.roles);
    if (same) throw new AuthError(400, 'User not updated. Use grant/revoke/password to update the user.');
    await this.res.set('users', user.user, next, true);
    return next;
  }

  async deleteUser(name: string): Promise<void> {
    if ((await this.enabled()) && name === ROOT) throw new AuthError(403, 'Cannot delete root user while auth is enabled.');
    try {
      await this.res.delete('users', name);
    } catch (err) {
      if (isMissing(err)) throw new AuthError(404, `User ${name} does not exist`);
      throw err;
    }
  }

  async createRole(role: Role): Promise<void> {
    if (role.role === ROOT) throw new AuthError(403, `Cannot modify role ${role.role}: is root role.`);
    try {
      const kv = { read: role.permissions?.kv?.read ?? null, write: role.permissions?.kv?.write ?? null };
      await this.res.set('roles', role.role, { ...role, permissions: { kv } }, false);
    } catch (err) {
      if (isExisting(err)) throw new AuthError(409, `Role ${role.role} already exists.`);
      throw err;
    }
  }

  async updateRole(role: Role): Promise<Role> {
    if (role.role === ROOT) throw new AuthError(403, `Cannot modify role ${role.role}: is root role.`);
    const old = await this.getRole(role.role, true); // as in updateUser
    let kv: RWPermission = { read: old.permissions?.kv?.read ?? [], write: old.permissions?.kv?.write ?? [] };
    if (role.grant) kv = grantKv(kv, role.grant.kv ?? { read: [], write: [] });
    if (role.revoke) kv = revokeKv(kv, role.revoke.kv ?? { read: [], write: [] });
    const next: Role = { role: old.role, permissions: { kv } };
    if (JSON.stringify(next) === JSON.stringify({ role: old.role, permissions: old.permissions })) {
      throw new AuthError(400, 'Role not updated. Use grant/revoke to update the role.');
    }
    await this.res.set('roles', role.role, next, true);
    return next;
  }

  async deleteRole(name: string): Promise<void> {
    if (name === ROOT) throw new AuthError(403, `Cannot modify role ${name}: is root role.`);
    try {
      await this.res.delete('roles', name);
    } catch (err) {
      if (isMissing(err)) throw new AuthError(404, `Role ${name} doesn't exist.`);
      throw err;
    }
  }

  async enable(): Promise<void> {
    if (await this.enabled()) throw new AuthError(409, 'already enabled');
    try {
      await this.getUser(ROOT, true);
    } catch {
      throw new AuthError(409, 'No root user available, please create one');
    }
    const hasGuest = await this.getRole(GUEST, true).then(
      () => true,
      () => false,
    );
    if (!hasGuest) await this.createRole(guestRole());
    await this.res.setEnabled(true);
  }

  async disable(): Promise<void> {
    if (!(await this.enabled())) throw new AuthError(409, 'already disabled');
    await this.res.setEnabled(false);
  }

  /** userFromBasicAuth: the user whose password matches, or undefined. */
  private async userFrom(req: http.IncomingMessage): Promise<User | undefined> {
    const creds = basicAuth(req);
    if (!creds) return undefined;
    const u = await this.getUser(creds.user).catch(() => undefined);
    return u && checkPassword(u.password, creds.password) ? u : undefined;
  }

  async hasRootAccess(req: http.IncomingMessage): Promise<boolean> {
    if (!(await this.enabled())) return true;
    const u = await this.userFrom(req);
    return (u?.roles ?? []).includes(ROOT);
  }

  async hasWriteRootAccess(req: http.IncomingMessage): Promise<boolean> {
    return req.method === 'GET' || req.method === 'HEAD' ? true : this.hasRootAccess(req);
  }

  async canAccessKey(req: http.IncomingMessage, key: string, recursive: boolean, write: boolean): Promise<boolean> {
    if (!(await this.enabled())) return true;
    if (!req.headers.authorization) {
      const guest = await this.getRole(GUEST).catch(() => undefined);
      return guest !== undefined && hasKeyAccess(guest, key, write, false);
    }
    const u = await this.userFrom(req);
    if (!u) return false;
    for (const name of u.roles ?? []) {
      const role = await this.getRole(name).catch(() => undefined);
      if (role && hasKeyAccess(role, key, write, recursive)) return true;
    }
    return false;
  }
}
