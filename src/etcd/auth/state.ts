// What etcd keeps in its auth buckets — the enabled flag, the auth revision, users and roles — as
// one JSON record in the store's meta table (keys as base64, passwords as bcrypt hashes).
import type { Permission, PermType } from './perms.js';

export interface User {
  name: string;
  /** bcrypt hash; empty for a user added with --no-password. */
  password: string;
  /** Sorted, as etcd keeps them. */
  roles: string[];
  noPassword: boolean;
}

export interface Role {
  name: string;
  /** Sorted by key. */
  perms: Permission[];
}

export interface AuthState {
  enabled: boolean;
  /** etcd's auth revision: 1 on a fresh store, +1 for every change of users or roles. */
  revision: number;
  users: Map<string, User>;
  roles: Map<string, Role>;
}

export const META_KEY = 'etcd_auth';

interface JsonPerm {
  permType: PermType;
  key: string;
  rangeEnd: string;
}

interface JsonState {
  enabled: boolean;
  revision: number;
  users: User[];
  roles: { name: string; perms: JsonPerm[] }[];
}

export const freshState = (): AuthState => ({ enabled: false, revision: 1, users: new Map(), roles: new Map() });

/** etcd's buckets iterate in byte order of the names. */
export const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

export function encodeState(s: AuthState): string {
  const roles = [...s.roles.values()].map((r) => ({
    name: r.name,
    perms: r.perms.map((p) => ({ permType: p.permType, key: p.key.toString('base64'), rangeEnd: p.rangeEnd.toString('base64') })),
  }));
  const json: JsonState = { enabled: s.enabled, revision: s.revision, users: [...s.users.values()], roles };
  return JSON.stringify(json);
}

export function decodeState(text: string | undefined): AuthState {
  if (text === undefined) return freshState();
  const json = JSON.parse(text) as JsonState;
  const perm = (p: JsonPerm): Permission => ({ permType: p.permType, key: Buffer.from(p.key, 'base64'), rangeEnd: Buffer.from(p.rangeEnd, 'base64') });
  return {
    enabled: json.enabled,
    revision: json.revision,
    users: new Map(json.users.map((u) => [u.name, u])),
    roles: new Map(json.roles.map((r) => [r.name, { name: r.name, perms: r.perms.map(perm) }])),
  };
}
