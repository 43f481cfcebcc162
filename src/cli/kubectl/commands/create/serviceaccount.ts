// kubectl create serviceaccount NAME.
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishCreate } from './submit.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  const obj = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) } };
  return finishCreate(ctx, s, { group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true }, obj, { failPrefix: 'failed to create serviceaccount: ' });
}
