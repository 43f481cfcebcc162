// kubectl create cronjob NAME --image=image --schedule='…' [--restart] [-- COMMAND args]: the job
// template named after the cronjob, restartPolicy OnFailure unless --restart says otherwise.
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs, requireFlags } from './options.js';
import { finishCreate } from './submit.js';

export async function run(ctx: Ctx): Promise<number> {
  requireFlags(ctx, ['image', 'schedule']);
  const name = nameFromArgs(ctx);
  const command = ctx.args.slice(1);
  const s = await completeCreate(ctx);
  const restart = ctx.str('restart') || 'OnFailure';
  const container = { name, image: ctx.str('image'), ...(command.length > 0 ? { command } : {}) };
  const obj = {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) },
    spec: {
      schedule: ctx.str('schedule'),
      jobTemplate: { metadata: { name }, spec: { template: { spec: { containers: [container], restartPolicy: restart } } } },
    },
  };
  return finishCreate(ctx, s, { group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true }, obj, { failPrefix: 'failed to create cronjob: ' });
}
