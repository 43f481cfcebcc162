// /v2/auth/{enable,users[/name],roles[/name]}: etcd 3.4's authHandler. Everything but reading
// /v2/auth/enable needs root (once auth is on); errors are httptypes.HTTPError JSON messages.
import type http from 'node:http';
import { hexId } from '../ids.js';
import { allowMethod, goCleanPath, send, type Headers } from './respond.js';
import { AuthError, type Role, type User } from './v2authstore.js';
import { permissionsEmpty } from './v2authrules.js';
import type { V2Context } from './v2context.js';

const AUTH_PREFIX = '/v2/auth';

export function isAuthPath(path: string): boolean {
  return ['/v2/auth/roles', '/v2/auth/users', '/v2/auth/enable'].includes(path) || path.startsWith('/v2/auth/roles/') || path.startsWith('/v2/auth/users/');
}

function httpError(res: http.ServerResponse, status: number, message: string, headers: Headers = {}): void {
  send(res, status, { ...headers, 'Content-Type': 'application/json' }, JSON.stringify({ message }));
}

/** writeError: v2auth errors keep their status and text; anything else is a 500. */
function writeError(res: http.ServerResponse, err: unknown, headers: Headers): void {
  if (err instanceof AuthError) httpError(res, err.status, err.message, headers);
  else httpError(res, 500, 'Internal Server Error', headers);
}

const kvJson = (p: Role['permissions'] | undefined | null): unknown => ({ kv: { read: p?.kv?.read ?? null, write: p?.kv?.write ?? null } });

function roleJson(r: Role): unknown {
  return { role: r.role, permissions: kvJson(r.permissions), ...(r.grant ? { grant: kvJson(r.grant) } : {}), ...(r.revoke ? { revoke: kvJson(r.revoke) } : {}) };
}

function userJson(u: User): unknown {
  return { user: u.user, roles: u.roles ?? null, ...(u.grant?.length ? { grant: u.grant } : {}), ...(u.revoke?.length ? { revoke: u.revoke } : {}) };
}

function readJson<T>(req: http.IncomingMessage): Promise<T | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        resolve(typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as T) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}

export async function serveAuth(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
  const pieces = goCleanPath(path.slice(AUTH_PREFIX.length)).split('/');
  const kind = pieces[1];
  if (kind === 'enable') return enableDisable(ctx, req, res);
  if (pieces.length > 3) return httpError(res, 400, 'Invalid path');
  const name = pieces[2];
  if (kind === 'users') return name === undefined ? baseUsers(ctx, req, res) : forUser(ctx, req, res, name);
  return name === undefined ? baseRoles(ctx, req, res) : forRole(ctx, req, res, name);
}

/** Method and root checks, then the headers every auth answer carries. */
async function guard(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, methods: string[], writeOnly = false): Promise<Headers | undefined> {
  if (!allowMethod(req, res, ...methods)) return undefined;
  const ok = writeOnly ? await ctx.auth.hasWriteRootAccess(req) : await ctx.auth.hasRootAccess(req);
  if (!ok) {
    httpError(res, 401, 'Insufficient credentials');
    return undefined;
  }
  return { 'X-Etcd-Cluster-Id': hexId(ctx.server.membership.clusterId), 'Content-Type': 'application/json' };
}

const ok = (res: http.ServerResponse, status: number, headers: Headers, body: unknown): void => send(res, status, headers, body === undefined ? '' : `${JSON.stringify(body)}\n`);

async function baseRoles(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const h = await guard(ctx, req, res, ['GET']);
  if (!h) return;
  try {
    const roles = await Promise.all((await ctx.auth.allRoles()).map((n) => ctx.auth.getRole(n)));
    ok(res, 200, h, { roles: roles.length ? roles.map(roleJson) : null });
  } catch (err) {
    writeError(res, err, h);
  }
}

async function withRoles(ctx: V2Context, u: User, skipMissing: boolean): Promise<unknown> {
  const roles: unknown[] = [];
  for (const name of u.roles ?? []) {
    try {
      roles.push(roleJson(await ctx.auth.getRole(name)));
    } catch (err) {
      if (!skipMissing) throw err;
    }
  }
  return { user: u.user, ...(roles.length ? { roles } : {}) };
}

async function baseUsers(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const h = await guard(ctx, req, res, ['GET']);
  if (!h) return;
  try {
    const users: unknown[] = [];
    for (const name of await ctx.auth.allUsers()) users.push(await withRoles(ctx, await ctx.auth.getUser(name), true));
    ok(res, 200, h, { users: users.length ? users : null });
  } catch (err) {
    writeError(res, err, h);
  }
}

async function forUser(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
  const h = await guard(ctx, req, res, ['GET', 'PUT', 'DELETE']);
  if (!h) return;
  const auth = ctx.auth;
  try {
    if (req.method === 'GET') return ok(res, 200, h, await withRoles(ctx, await auth.getUser(name), false));
    if (req.method === 'DELETE') return ok(res, 200, h, await auth.deleteUser(name));
    const u = await readJson<User>(req);
    if (!u) return httpError(res, 400, 'Invalid JSON in request body.', h);
    if (u.user !== name) return httpError(res, 400, 'User JSON name does not match the name in the URL', h);
    let out: User;
    let created = false;
    if (!u.grant?.length && !u.revoke?.length) {
      if (u.roles?.length) out = await auth.createUser(u);
      else [out, created] = await auth.createOrUpdateUser(u);
    } else {
      if (u.roles?.length) return httpError(res, 400, 'User JSON contains both roles and grant/revoke', h);
      out = await auth.updateUser(u);
    }
    ok(res, created ? 201 : 200, h, userJson(out));
  } catch (err) {
    writeError(res, err, h);
  }
}

async function forRole(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
  const h = await guard(ctx, req, res, ['GET', 'PUT', 'DELETE']);
  if (!h) return;
  const auth = ctx.auth;
  try {
    if (req.method === 'GET') return ok(res, 200, h, roleJson(await auth.getRole(name)));
    if (req.method === 'DELETE') return ok(res, 200, h, await auth.deleteRole(name));
    const r = await readJson<Role>(req);
    if (!r) return httpError(res, 400, 'Invalid JSON in request body.', h);
    if (r.role !== name) return httpError(res, 400, 'Role JSON name does not match the name in the URL', h);
    if (permissionsEmpty(r.grant) && permissionsEmpty(r.revoke)) {
      await auth.createRole(r);
      return ok(res, 201, h, roleJson(r));
    }
    if (!permissionsEmpty(r.permissions)) return httpError(res, 400, 'Role JSON contains both permissions and grant/revoke', h);
    ok(res, 200, h, roleJson(await auth.updateRole(r)));
  } catch (err) {
    writeError(res, err, h);
  }
}

async function enableDisable(ctx: V2Context, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const h = await guard(ctx, req, res, ['GET', 'PUT', 'DELETE'], true);
  if (!h) return;
  try {
    const enabled = await ctx.auth.enabled();
    if (req.method === 'GET') return ok(res, 200, h, { enabled });
    if (req.method === 'PUT') await ctx.auth.enable();
    else await ctx.auth.disable();
    ok(res, 200, h, undefined);
  } catch (err) {
    writeError(res, err, h);
  }
}
