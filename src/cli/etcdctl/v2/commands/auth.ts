// user, role and auth commands (the v2 auth API under /v2/auth).
import { ExitError } from '../../../shared/exit.js';
import { askPassword } from '../../../shared/prompt.js';
import type { V2Client } from '../client.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';
import { connect } from './session.js';

/** mustNewAuthAPI / mustNewAuthUserAPI / mustNewAuthRoleAPI repeat the endpoints under --debug. */
async function authConnect(ctx: V2Context): Promise<V2Client> {
  const c = await connect(ctx);
  c.debug(`Cluster-Endpoints: ${c.endpoints.join(', ')}`);
  return c;
}

function die(ctx: V2Context, message: string): never {
  ctx.err(`${message}\n`);
  throw new ExitError(V2_EXIT.badArgs, '', true);
}

/**
 * One auth API call. client's assertStatusCode accepts only `ok` (200, and 201 where a PUT may
 * create); any other status is an authError decoded from the body, whose message may be empty.
 */
async function call<T>(ctx: V2Context, c: V2Client, method: string, path: string, body?: object, ok = [200, 201]): Promise<T> {
  const res = await c.request(method, path, body === undefined ? undefined : JSON.stringify(body));
  const empty = res.body.trim() === '';
  const parsed = (empty ? {} : JSON.parse(res.body)) as T & { message?: string };
  if (!ok.includes(res.status)) die(ctx, empty ? `unexpected status code ${res.status}` : parsed.message ?? '');
  return parsed;
}

/** client.User as encoding/json writes it: roles always (null), the rest only when set. */
function userBody(user: string, extra: { password?: string; grant?: string[]; revoke?: string[] }): object {
  return { user, ...(extra.password ? { password: extra.password } : {}), roles: null, ...(extra.grant ? { grant: extra.grant } : {}), ...(extra.revoke ? { revoke: extra.revoke } : {}) };
}

/** client.Role: its (empty) permissions always, then grant or revoke. */
function roleBody(role: string, extra: object = {}): object {
  return { role, permissions: { kv: { read: null, write: null } }, ...extra };
}

/** ChangePassword, GrantUser, RevokeUser: modUser expects 200 (a PUT that creates answers 201). */
const MODIFY = [200];

function need(ctx: V2Context, n: number, what: string): string[] {
  if (ctx.args.length !== n) die(ctx, `Please provide ${what}`);
  return ctx.args;
}

async function password(ctx: V2Context, arg: string): Promise<[string, string]> {
  const colon = arg.indexOf(':');
  if (colon >= 0) return [arg.slice(0, colon), arg.slice(colon + 1)];
  const pw = await askPassword({ stdin: ctx.io.stdin, out: (t) => ctx.out(t), err: (t) => ctx.err(t) }, 'New password: ');
  return [arg, pw];
}

export async function userAdd(ctx: V2Context): Promise<number> {
  const [arg] = need(ctx, 1, 'a username');
  const c = await authConnect(ctx);
  const [user, pw] = await password(ctx, arg!);
  await call(ctx, c, 'PUT', `/v2/auth/users/${user}`, userBody(user, { password: pw }));
  ctx.out(`User ${user} created\n`);
  return V2_EXIT.success;
}

export async function userList(ctx: V2Context): Promise<number> {
  ctx.noArgs();
  const c = await authConnect(ctx);
  const r = await call<{ users?: Array<{ user: string } | string> | null }>(ctx, c, 'GET', '/v2/auth/users');
  for (const u of r.users ?? []) ctx.out(`${typeof u === 'string' ? u : u.user}\n`);
  return V2_EXIT.success;
}

export async function userGet(ctx: V2Context): Promise<number> {
  // mustUserAPIAndName / mustRoleAPIAndName: the argument first, then the client
  const [name] = need(ctx, 1, 'a username');
  const c = await authConnect(ctx);
  const u = await call<{ user?: string; roles?: Array<string | { role: string }> }>(ctx, c, 'GET', `/v2/auth/users/${name}`);
  const roles = (u.roles ?? []).map((r) => (typeof r === 'string' ? r : r.role));
  ctx.out(`User: ${u.user ?? name}\nRoles: ${roles.map((r) => ` ${r}`).join('')}\n`);
  return V2_EXIT.success;
}

export async function userRemove(ctx: V2Context): Promise<number> {
  // mustUserAPIAndName / mustRoleAPIAndName: the argument first, then the client
  const [name] = need(ctx, 1, 'a username');
  const c = await authConnect(ctx);
  await call(ctx, c, 'DELETE', `/v2/auth/users/${name}`);
  ctx.out(`User ${name} removed\n`);
  return V2_EXIT.success;
}

async function userRoles(ctx: V2Context, field: 'grant' | 'revoke'): Promise<number> {
  if (ctx.str('roles') === '') die(ctx, 'No roles specified; please use `--roles`');
  const [name] = need(ctx, 1, 'a username');
  const c = await authConnect(ctx);
  const roles = ctx.str('roles').split(',');
  await call(ctx, c, 'PUT', `/v2/auth/users/${name}`, userBody(name!, { [field]: roles }), MODIFY);
  ctx.out(`User ${name} updated\n`);
  return V2_EXIT.success;
}

export const userGrant = (ctx: V2Context) => userRoles(ctx, 'grant');
export const userRevoke = (ctx: V2Context) => userRoles(ctx, 'revoke');

export async function userPasswd(ctx: V2Context): Promise<number> {
  // mustUserAPIAndName / mustRoleAPIAndName: the argument first, then the client
  const [name] = need(ctx, 1, 'a username');
  const c = await authConnect(ctx);
  const [, pw] = await password(ctx, name!);
  await call(ctx, c, 'PUT', `/v2/auth/users/${name}`, userBody(name!, { password: pw }), MODIFY);
  ctx.out('Password updated\n');
  return V2_EXIT.success;
}

export async function roleAdd(ctx: V2Context): Promise<number> {
  // mustUserAPIAndName / mustRoleAPIAndName: the argument first, then the client
  const [role] = need(ctx, 1, 'a role name');
  const c = await authConnect(ctx);
  // actionRoleAdd asks for the role first
  if ((await c.request('GET', `/v2/auth/roles/${role}`)).status === 200) die(ctx, `Role ${role} already exists`);
  await call(ctx, c, 'PUT', `/v2/auth/roles/${role}`, roleBody(role!));
  ctx.out(`Role ${role} created\n`);
  return V2_EXIT.success;
}

export async function roleList(ctx: V2Context): Promise<number> {
  ctx.noArgs();
  const c = await authConnect(ctx);
  const r = await call<{ roles?: Array<{ role: string } | string> | null }>(ctx, c, 'GET', '/v2/auth/roles');
  for (const x of r.roles ?? []) ctx.out(`${typeof x === 'string' ? x : x.role}\n`);
  return V2_EXIT.success;
}

export async function roleGet(ctx: V2Context): Promise<number> {
  // mustUserAPIAndName / mustRoleAPIAndName: the argument first, then the client
  const [name] = need(ctx, 1, 'a role name');
  const c = await authConnect(ctx);
  const r = await call<{ role?: string; permissions?: { kv?: { read?: string[]; write?: string[] } } }>(ctx, c, 'GET', `/v2/auth/roles/${name}`);
  const kv = r.permissions?.kv ?? {};
  ctx.out(`Role: ${r.role ?? name}\nKV Read:\n${(kv.read ?? []).map((p) => `\t${p}\n`).join('')}KV Write:\n${(kv.write ?? []).map((p) => `\t${p}\n`).join('')}`);
  return V2_EXIT.success;
}

export async function roleRemove(ctx: V2Context): Promise<number> {
  // mustUserAPIAndName / mustRoleAPIAndName: the argument first, then the client
  const [role] = need(ctx, 1, 'a role name');
  const c = await authConnect(ctx);
  await call(ctx, c, 'DELETE', `/v2/auth/roles/${role}`);
  ctx.out(`Role ${role} removed\n`);
  return V2_EXIT.success;
}

/** pathutil.CanonicalURLPath: rooted, cleaned, a trailing slash kept. */
function canonicalPath(p: string): string {
  const rooted = p.startsWith('/') ? p : `/${p}`;
  const out: string[] = [];
  for (const seg of rooted.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '' && seg !== '.') out.push(seg);
  }
  const clean = `/${out.join('/')}`;
  return rooted.endsWith('/') && clean !== '/' ? `${clean}/` : clean;
}

/** roleGrantRevoke: flags checked first, then the role is read, changed and compared. */
async function rolePerms(ctx: V2Context, field: 'grant' | 'revoke'): Promise<number> {
  const path = ctx.str('path');
  if (path === '') die(ctx, 'No path specified; please use `--path`');
  if (canonicalPath(path) !== path) die(ctx, `Not canonical path; please use \`--path=${canonicalPath(path)}\``);
  const kinds = ['read', 'write', 'readwrite'].filter((k) => ctx.bool(k));
  if (kinds.length !== 1) die(ctx, 'Please specify exactly one of --read, --write or --readwrite');
  const [role] = need(ctx, 1, 'a role name');
  const c = await authConnect(ctx);
  const rw = ctx.bool('readwrite');
  const read = rw || ctx.bool('read') ? [path] : null;
  const write = rw || ctx.bool('write') ? [path] : null;
  const current = await call(ctx, c, 'GET', `/v2/auth/roles/${role}`, undefined, MODIFY);
  const changed = await call(ctx, c, 'PUT', `/v2/auth/roles/${role}`, roleBody(role!, { [field]: { kv: { read, write } } }), MODIFY);
  // reflect.DeepEqual of the role before and after; the message has no newline of its own
  if (JSON.stringify(changed) === JSON.stringify(current)) ctx.out(`Role unchanged; already ${field === 'grant' ? 'granted' : 'revoked'}`);
  ctx.out(`Role ${role} updated\n`);
  return V2_EXIT.success;
}

export const roleGrant = (ctx: V2Context) => rolePerms(ctx, 'grant');
export const roleRevoke = (ctx: V2Context) => rolePerms(ctx, 'revoke');

export async function authEnable(ctx: V2Context): Promise<number> {
  ctx.noArgs();
  const c = await authConnect(ctx);
  await call(ctx, c, 'PUT', '/v2/auth/enable');
  ctx.out('Authentication Enabled\n');
  return V2_EXIT.success;
}

export async function authDisable(ctx: V2Context): Promise<number> {
  ctx.noArgs();
  const c = await authConnect(ctx);
  await call(ctx, c, 'DELETE', '/v2/auth/enable');
  ctx.out('Authentication Disabled\n');
  return V2_EXIT.success;
}
