// crictl start, stop, update, rm and checkpoint: each ID as typed goes to the runtime, and is
// printed back when the call succeeds.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CriClient } from '../../../client/cri/client.js';
import type { Ctx } from '../context.js';
import { errorText, wrapError } from '../errors.js';
import { aggregateGoroutines } from '../runtime/aggregate.js';

async function stopContainer(ctx: Ctx, runtime: CriClient, id: string, timeout: number): Promise<void> {
  await runtime.stopContainer({ containerId: id, timeout: String(timeout) });
  ctx.out(`${id}\n`);
}

export async function start(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length === 0) throw new Error('ID cannot be empty');
  const runtime = await ctx.connector.runtime();
  for (const id of ctx.args) {
    await runtime.startContainer({ containerId: id }).catch((err: unknown) => {
      throw wrapError(`starting the container ${JSON.stringify(id)}`, err);
    });
    ctx.out(`${id}\n`);
  }
}

export async function stop(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length === 0) throw new Error('ID cannot be empty');
  const runtime = await ctx.connector.runtime();
  for (const id of ctx.args) {
    await stopContainer(ctx, runtime, id, ctx.int('timeout')).catch((err: unknown) => {
      throw wrapError(`stopping the container ${JSON.stringify(id)}`, err);
    });
  }
}

export async function update(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length === 0) throw new Error('ID cannot be empty');
  const runtime = await ctx.connector.runtime();
  const linux = {
    cpuPeriod: String(ctx.int('cpu-period')),
    cpuQuota: String(ctx.int('cpu-quota')),
    cpuShares: String(ctx.int('cpu-share')),
    cpusetCpus: ctx.string('cpuset-cpus'),
    cpusetMems: ctx.string('cpuset-mems'),
    memoryLimitInBytes: String(ctx.int('memory')),
    oomScoreAdj: '0',
  };
  for (const id of ctx.args) {
    await runtime.updateContainerResources({ containerId: id, linux }).catch((err: unknown) => {
      throw wrapError(`updating container resources for ${JSON.stringify(id)}`, err);
    });
    ctx.out(`${id}\n`);
  }
}

export async function checkpoint(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length === 0) throw new Error('ID cannot be empty');
  if (ctx.string('export') === '') {
    throw new Error('cannot checkpoint a container without specifying the checkpoint destination. Use --export=/path/to/checkpoint.tar');
  }
  const runtime = await ctx.connector.runtime();
  for (const id of ctx.args) {
    await runtime.checkpointContainer({ containerId: id, location: ctx.string('export') }).catch((err: unknown) => {
      throw wrapError(`checkpointing the container ${JSON.stringify(id)} failed`, err);
    });
    ctx.out(`${id}\n`);
  }
}

/** Deletes a removed container's log file and its rotations (<log>.*), as crictl rm does. */
function removeLogs(ctx: Ctx, id: string, logPath: string): void {
  const host = ctx.hostPath(logPath);
  let rotations: string[] = [];
  try {
    rotations = readdirSync(dirname(host)).filter((f) => f.startsWith(`${basename(host)}.`)).map((f) => `${dirname(logPath)}/${f}`);
  } catch {
    rotations = [];
  }
  for (const file of [...rotations, logPath]) {
    try {
      rmSync(ctx.hostPath(file));
    } catch (err) {
      const text = (err as NodeJS.ErrnoException).code === 'ENOENT' ? `remove ${file}: no such file or directory` : errorText(err);
      ctx.log.error(`removing log file ${file} for container ${JSON.stringify(id)} failed: ${text}`);
    }
  }
}

function removeOne(ctx: Ctx, runtime: CriClient, id: string): () => Promise<void> {
  return async () => {
    const resp = await runtime.containerStatus({ containerId: id, verbose: false }).catch((err: unknown) => {
      throw wrapError(`getting container status ${JSON.stringify(id)}`, err);
    });
    if (resp.status?.state === 'CONTAINER_RUNNING') {
      if (!ctx.bool('force')) throw new Error(`container ${JSON.stringify(id)} is running, please stop it first`);
      await stopContainer(ctx, runtime, id, 0).catch((err: unknown) => {
        throw wrapError(`stopping the container ${JSON.stringify(id)}`, err);
      });
    }
    await runtime.removeContainer({ containerId: id }).catch((err: unknown) => {
      throw wrapError(`removing container ${JSON.stringify(id)}`, err);
    });
    ctx.out(`${id}\n`);
    const logPath = resp.status?.logPath ?? '';
    if (!ctx.bool('keep-logs') && logPath !== '') removeLogs(ctx, id, logPath);
  };
}

export async function rm(ctx: Ctx): Promise<number | void> {
  const runtime = await ctx.connector.runtime();
  let ids = ctx.args;
  if (ctx.bool('all')) ids = (await runtime.listContainers({})).containers.map((c) => c.id);
  if (ids.length === 0) {
    if (ctx.bool('all')) return void ctx.log.info('No containers to remove');
    return ctx.showHelp();
  }
  await aggregateGoroutines(ids.map((id) => removeOne(ctx, runtime, id)));
}
