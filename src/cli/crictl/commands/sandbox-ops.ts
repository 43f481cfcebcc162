// crictl stopp and rmp: `Stopped sandbox <ID as typed>`, `Removed sandbox <ID as typed>`.
import type { CriClient } from '../../../client/cri/client.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { aggregateGoroutines } from '../runtime/aggregate.js';

async function stopSandbox(ctx: Ctx, runtime: CriClient, id: string): Promise<void> {
  await runtime.stopPodSandbox({ podSandboxId: id });
  ctx.out(`Stopped sandbox ${id}\n`);
}

export async function stopp(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length === 0) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  for (const id of ctx.args) {
    await stopSandbox(ctx, runtime, id).catch((err: unknown) => {
      throw wrapError(`stopping the pod sandbox ${JSON.stringify(id)}`, err);
    });
  }
}

function removeOne(ctx: Ctx, runtime: CriClient, id: string): () => Promise<void> {
  return async () => {
    const resp = await runtime.podSandboxStatus({ podSandboxId: id, verbose: false }).catch((err: unknown) => {
      throw wrapError(`getting sandbox status of pod ${JSON.stringify(id)}`, err);
    });
    if (resp.status?.state === 'SANDBOX_READY') {
      if (!ctx.bool('force')) throw new Error(`pod sandbox ${JSON.stringify(id)} is running, please stop it first`);
      await stopSandbox(ctx, runtime, id).catch((err: unknown) => {
        throw wrapError(`stopping the pod sandbox ${JSON.stringify(id)} failed`, err);
      });
    }
    await runtime.removePodSandbox({ podSandboxId: id }).catch((err: unknown) => {
      throw wrapError(`removing the pod sandbox ${JSON.stringify(id)}`, err);
    });
    ctx.out(`Removed sandbox ${id}\n`);
  };
}

export async function rmp(ctx: Ctx): Promise<number | void> {
  const runtime = await ctx.connector.runtime();
  let ids = ctx.args;
  if (ctx.bool('all')) ids = (await runtime.listPodSandbox({})).items.map((p) => p.id);
  if (ids.length === 0) {
    if (ctx.bool('all')) return void ctx.log.info('No pods to remove');
    return ctx.showHelp();
  }
  await aggregateGoroutines(ids.map((id) => removeOne(ctx, runtime, id)));
}
