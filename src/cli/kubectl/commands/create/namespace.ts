// kubectl create namespace NAME: a bare Namespace; the typed client's error is not wrapped.
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishCreate } from './submit.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  const obj = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  return finishCreate(ctx, s, { group: '', version: 'v1', resource: 'namespaces', namespaced: false }, obj);
}
