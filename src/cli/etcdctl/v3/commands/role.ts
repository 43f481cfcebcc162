// etcdctl role add / delete / get / list / grant-permission / revoke-permission
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { RolePerm } from '../printers/printable.js';
import { prefixRangeEnd } from '../printers/simple-auth.js';
import { authMessage } from './auth-call.js';
import { withClient } from './dial.js';

const PERM_TYPES: Record<string, number> = { READ: 0, WRITE: 1, READWRITE: 2 };

function range_end(ctx: CommandContext, args: string[]): string {
  const prefix = ctx.bool('prefix');
  const fromKey = ctx.bool('from-key');
  if (args.length === 1) {
    if (prefix && fromKey) throw new ExitError(EXIT.badArgs, '--from-key and --prefix flags are mutually exclusive');
    if (prefix) return prefixRangeEnd(Buffer.from(args[0]!)).toString('latin1');
    return fromKey ? '\x00' : '';
  }
  if (prefix) throw new ExitError(EXIT.badArgs, 'unexpected endkey argument with --prefix flag');
  if (fromKey) throw new ExitError(EXIT.badArgs, 'unexpected endkey argument with --from-key flag');
  return args[1]!;
}

function permRange(ctx: CommandContext, args: string[]): [Buffer, Buffer] {
  if (args[0] !== '') return [Buffer.from(args[0]!), Buffer.from(range_end(ctx, args), 'latin1')];
  if (ctx.bool('prefix') && ctx.bool('from-key')) throw new ExitError(EXIT.badArgs, '--from-key and --prefix flags are mutually exclusive');
  return [Buffer.from([0]), ctx.bool('prefix') || ctx.bool('from-key') ? Buffer.from([0]) : Buffer.alloc(0)];
}

function need(ctx: CommandContext, n: number, message: string): void {
  if (ctx.args.length !== n) throw new ExitError(EXIT.badArgs, message);
}

export async function add(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'role add command requires role name as its argument');
  return authMessage(ctx, 'RoleAdd', { name: ctx.args[0] }, `Role ${ctx.args[0]} created\n`);
}

export async function del(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'role delete command requires role name as its argument');
  return authMessage(ctx, 'RoleDelete', { role: ctx.args[0] }, `Role ${ctx.args[0]} deleted\n`);
}

export async function get(ctx: CommandContext): Promise<number> {
  need(ctx, 1, 'role get command requires role name as its argument');
  const role = ctx.args[0]!;
  return withClient(ctx, async (c) => {
    const resp = await c.unary<{ perm?: RolePerm[] }>('Auth', 'RoleGet', { role }).catch(failWith);
    display(ctx, { kind: 'roleGet', name: role, resp, rpc: ['Auth', 'RoleGet'] }, c.proto.def);
    return EXIT.success;
  });
}

export async function list(ctx: CommandContext): Promise<number> {
  need(ctx, 0, 'role list command requires no arguments');
  return withClient(ctx, async (c) => {
    const resp = await c.unary<{ roles?: string[] }>('Auth', 'RoleList', {}).catch(failWith);
    display(ctx, { kind: 'names', resp: { ...resp, roles: resp.roles ?? [] }, rpc: ['Auth', 'RoleList'] }, c.proto.def);
    return EXIT.success;
  });
}

export async function grantPermission(ctx: CommandContext): Promise<number> {
  if (ctx.args.length < 3) throw new ExitError(EXIT.badArgs, 'role grant command requires role name, permission type, and key [endkey] as its argument');
  const permType = PERM_TYPES[ctx.args[1]!.toUpperCase()];
  if (permType === undefined) throw new ExitError(EXIT.badArgs, `invalid permission type: ${ctx.args[1]}`);
  const [key, end] = permRange(ctx, ctx.args.slice(2));
  const request = { name: ctx.args[0], perm: { permType, key, range_end: end } };
  return authMessage(ctx, 'RoleGrantPermission', request, `Role ${ctx.args[0]} updated\n`);
}

export async function revokePermission(ctx: CommandContext): Promise<number> {
  if (ctx.args.length < 2) throw new ExitError(EXIT.badArgs, 'role revoke-permission command requires role name and key [endkey] as its argument');
  const [key, end] = permRange(ctx, ctx.args.slice(1));
  const what = end.length === 0 ? `key ${key.toString()}` : end.equals(Buffer.from([0])) ? `range [${key.toString()}, <open ended>` : `range [${key.toString()}, ${end.toString()})`;
  const request = { role: ctx.args[0], key, range_end: end };
  return authMessage(ctx, 'RoleRevokePermission', request, `Permission of ${what} is revoked from role ${ctx.args[0]}\n`);
}
