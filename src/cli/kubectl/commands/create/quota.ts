// kubectl create quota NAME [--hard=key=value,…] [--scopes=Scope,…].
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs } from './options.js';
import { parseResourceList } from './quantity.js';
import { finishCreate } from './submit.js';

function parseScopes(spec: string): string[] | undefined {
  if (spec === '') return undefined;
  const scopes = spec.split(',');
  if (scopes.includes('')) throw new Error('invalid resource quota scope ""');
  return scopes;
}

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  const hard = parseResourceList(ctx.str('hard'));
  const scopes = parseScopes(ctx.str('scopes'));
  const obj = {
    apiVersion: 'v1', kind: 'ResourceQuota',
    metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) },
    spec: { hard, scopes },
  };
  return finishCreate(ctx, s, { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true }, obj, { failPrefix: 'failed to create quota: ' });
}
