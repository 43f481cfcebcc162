// kubectl create priorityclass NAME --value=N [--global-default] [--description] [--preemption-policy].
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs } from './options.js';
import { finishCreate } from './submit.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const s = await completeCreate(ctx);
  const obj = {
    apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name },
    value: ctx.int('value'), globalDefault: ctx.bool('global-default'), description: ctx.str('description'),
    preemptionPolicy: ctx.str('preemption-policy'),
  };
  return finishCreate(ctx, s, { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', namespaced: false }, obj, { failPrefix: 'failed to create priorityclass: ' });
}
