// etcdctl user add / delete / get / list / passwd / grant-role / revoke-role
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { RolePerm } from '../printers/printable.js';
import { askPassword, readLine } from '../../../shared/prompt.js';
import { authMessage } from './auth-call.js';
import { withClient } from './dial.js';

function need(ctx: CommandContext, n: number, message: string): void {
  if (ctx.args.length !== n) throw new ExitError(EXIT.badArgs, message);
}

function ask(ctx: CommandContext, prompt: string): Promise<string> {
  return askPassword({ stdin: ctx.io.stdin, out: (t) => ctx.out(t), err: (t) => ctx.err(t) }, prompt);
}

async function readPassword(ctx: CommandContext, name: string): Promise<string> {
  if (!ctx.bool('interactive')) return (await readLine(ctx.io.stdin)).trim().split(/\s+/)[0] ?? '';
  const first = await ask(ctx, `Password of ${name}: `);
  if (first === '') throw new ExitError(EXIT.badArgs, 'empty password');
  const second = await ask(ctx, `Type password of ${name} again for confirmation: `);
  if (first !== second) throw new ExitError(EXIT.badArgs, 'given passwords are different');
  return first;
}

export async function add(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'user add command requires user name as its argument');
  const arg = ctx.args[0]!;
  let [user, password, no_password] = [arg, '', false];
  const colon = arg.indexOf(':');
  if (ctx.str('new-user-password') !== '') password = ctx.str('new-user-password');
  else if (colon >= 0) {
    [user, password] = [arg.slice(0, colon), arg.slice(colon + 1)];
    if (user === '') throw new ExitError(EXIT.badArgs, 'empty user name is not allowed');
  } else if (ctx.bool('no-password')) no_password = true;
  else password = await readPassword(ctx, arg);
  const request = { name: user, password, options: { no_password: no_password } };
  return authMessage(ctx, 'UserAdd', request, `User ${user} created\n`);
}

export async function del(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'user delete command requires user name as its argument');
  return authMessage(ctx, 'UserDelete', { name: ctx.args[0] }, `User ${ctx.args[0]} deleted\n`);
}

export async function passwd(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'user passwd command requires user name as its argument');
  const password = await readPassword(ctx, ctx.args[0]!);
  return authMessage(ctx, 'UserChangePassword', { name: ctx.args[0], password }, 'Password updated\n');
}

export async function grantRole(ctx: CommandContext): Promise<number> {
  need(ctx, 2, 'user grant command requires user name and role name as its argument');
  const [user, role] = ctx.args as [string, string];
  return authMessage(ctx, 'UserGrantRole', { user, role }, `Role ${role} is granted to user ${user}\n`);
}

export async function revokeRole(ctx: CommandContext): Promise<number> {
  need(ctx, 2, 'user revoke-role requires user name and role name as its argument');
  const [name, role] = ctx.args as [string, string];
  return authMessage(ctx, 'UserRevokeRole', { name, role }, `Role ${role} is revoked from user ${name}\n`);
}

export async function list(ctx: CommandContext): Promise<number> {
  need(ctx, 0, 'user list command requires no arguments');
  return withClient(ctx, async (c) => {
    const resp = await c.unary<{ users?: string[] }>('Auth', 'UserList', {}).catch(failWith);
    display(ctx, { kind: 'names', resp: { ...resp, users: resp.users ?? [] }, rpc: ['Auth', 'UserList'] }, c.proto.def);
    return EXIT.success;
  });
}

export async function get(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'user get command requires user name as its argument');
  const name = ctx.args[0]!;
  return withClient(ctx, async (c) => {
    const resp = await c.unary<{ roles?: string[] }>('Auth', 'UserGet', { name }).catch(failWith);
    if (!ctx.bool('detail')) {
      display(ctx, { kind: 'userGet', name, resp, rpc: ['Auth', 'UserGet'] }, c.proto.def);
      return EXIT.success;
    }
    ctx.out(`User: ${name}\n`);
    for (const role of resp.roles ?? []) {
      ctx.out('\n');
      const r = await c.unary<{ perm?: RolePerm[] }>('Auth', 'RoleGet', { role }).catch(failWith);
      display(ctx, { kind: 'roleGet', name: role, resp: r, rpc: ['Auth', 'RoleGet'] }, c.proto.def);
    }
    return EXIT.success;
  });
}
