// get, ls, rm, rmdir
import { ExitError } from '../../../shared/exit.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';
import { keysCall, type V2Response } from '../keys.js';
import { lsText, responseText } from '../print.js';
import { connect, serverError } from './session.js';

async function call(ctx: V2Context, method: string, key: string, query: Record<string, string>): Promise<V2Response> {
  const c = await connect(ctx);
  try {
    return await keysCall(c, method, key, query);
  } catch (err) {
    return serverError(ctx, err);
  }
}

export async function get(ctx: V2Context): Promise<number> {
  const c = await connect(ctx);
  if (ctx.args.length === 0) ctx.badArgs('key required');
  let resp: V2Response;
  try {
    resp = await keysCall(c, 'GET', ctx.args[0]!, { quorum: String(ctx.bool('quorum')), recursive: 'false', sorted: String(ctx.bool('sort')) });
  } catch (err) {
    return serverError(ctx, err);
  }
  if (resp.node.dir === true) {
    ctx.err(`${resp.node.key ?? ''}: is a directory\n`); // the root node has no key
    throw new ExitError(V2_EXIT.badArgs, '', true);
  }
  ctx.print(responseText(resp, ctx.output));
  return V2_EXIT.success;
}

export async function ls(ctx: V2Context): Promise<number> {
  const key = ctx.args[0] ?? '/';
  const resp = await call(ctx, 'GET', key, {
    quorum: String(ctx.bool('quorum')), recursive: String(ctx.bool('recursive')), sorted: String(ctx.bool('sort')),
  });
  ctx.print(ctx.output === 'simple' ? lsText(resp, ctx.bool('p')) : responseText(resp, ctx.output));
  return V2_EXIT.success;
}

export async function rm(ctx: V2Context): Promise<number> {
  const c = await connect(ctx);
  if (ctx.args.length === 0) ctx.badArgs('key required');
  const q: Record<string, string> = {};
  if (ctx.str('with-value') !== '') q.prevValue = ctx.str('with-value');
  if (ctx.num('with-index') !== 0) q.prevIndex = String(ctx.num('with-index'));
  if (ctx.bool('dir')) q.dir = 'true';
  if (ctx.bool('recursive')) q.recursive = 'true';
  let resp: V2Response;
  try {
    resp = await keysCall(c, 'DELETE', ctx.args[0]!, q);
  } catch (err) {
    return serverError(ctx, err);
  }
  if (resp.node.dir !== true || ctx.output !== 'simple') ctx.print(responseText(resp, ctx.output));
  return V2_EXIT.success;
}

export async function rmdir(ctx: V2Context): Promise<number> {
  const c = await connect(ctx);
  if (ctx.args.length === 0) ctx.badArgs('key required');
  let resp: V2Response;
  try {
    resp = await keysCall(c, 'DELETE', ctx.args[0]!, { dir: 'true' });
  } catch (err) {
    return serverError(ctx, err);
  }
  if (resp.node.dir !== true || ctx.output !== 'simple') ctx.print(responseText(resp, ctx.output));
  return V2_EXIT.success;
}
