// set, mk, mkdir, setdir, update, updatedir
import { readAll } from '../../../shared/io.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';
import { keysCall, type V2Response } from '../keys.js';
import { responseText } from '../print.js';
import { connect, serverError } from './session.js';

interface SetOptions { value?: string; ttl: number; dir?: boolean; prevExist?: 'true' | 'false'; prevValue?: string; prevIndex?: number }

function setQuery(o: SetOptions): [Record<string, string>, Record<string, string>] {
  const q: Record<string, string> = {};
  const form: Record<string, string> = {};
  if (o.dir === true) q.dir = 'true';
  else {
    if (o.prevValue) q.prevValue = o.prevValue;
    form.value = o.value ?? '';
  }
  if (o.prevIndex) q.prevIndex = String(o.prevIndex);
  if (o.prevExist !== undefined) q.prevExist = o.prevExist;
  if (o.ttl > 0) form.ttl = String(o.ttl);
  return [q, form];
}

async function keyAndValue(ctx: V2Context): Promise<[string, string]> {
  if (ctx.args.length === 0) ctx.badArgs('key required');
  if (ctx.args.length > 1) return [ctx.args[0]!, ctx.args[1]!];
  const data = (await readAll(ctx.io.stdin)).toString();
  if (data === '') ctx.badArgs('value required');
  return [ctx.args[0]!, data];
}

async function write(ctx: V2Context, o: SetOptions, key: string, print: boolean, method = 'PUT'): Promise<number> {
  const c = await connect(ctx);
  const [q, form] = setQuery(o);
  let resp: V2Response;
  try {
    resp = await keysCall(c, method, key, method === 'POST' ? {} : q, form);
  } catch (err) {
    return serverError(ctx, err);
  }
  if (print) ctx.print(responseText(resp, ctx.output));
  return V2_EXIT.success;
}

export async function set(ctx: V2Context): Promise<number> {
  const [key, value] = await keyAndValue(ctx);
  return write(ctx, { value, ttl: ctx.num('ttl'), prevValue: ctx.str('swap-with-value'), prevIndex: ctx.num('swap-with-index') }, key, true);
}

export async function mk(ctx: V2Context): Promise<number> {
  const [key, value] = await keyAndValue(ctx);
  if (ctx.bool('in-order')) return write(ctx, { value, ttl: ctx.num('ttl') }, key, true, 'POST');
  return write(ctx, { value, ttl: ctx.num('ttl'), prevExist: 'false' }, key, true);
}

export async function update(ctx: V2Context): Promise<number> {
  const [key, value] = await keyAndValue(ctx);
  return write(ctx, { value, ttl: ctx.num('ttl'), prevExist: 'true' }, key, true);
}

function dirKey(ctx: V2Context): string {
  if (ctx.args.length === 0) ctx.badArgs('key required');
  return ctx.args[0]!;
}

export const mkdir = (ctx: V2Context) => write(ctx, { ttl: ctx.num('ttl'), dir: true, prevExist: 'false' }, dirKey(ctx), ctx.output !== 'simple');
export const setdir = (ctx: V2Context) => write(ctx, { ttl: ctx.num('ttl'), dir: true }, dirKey(ctx), ctx.output !== 'simple');
export const updatedir = (ctx: V2Context) => write(ctx, { ttl: ctx.num('ttl'), dir: true, prevExist: 'true' }, dirKey(ctx), ctx.output !== 'simple');
