// replace --force: delete every object the files name (`configmap "x" deleted`), wait until each
// is gone, then create them again from the files (`replaced`).
import { ApiError, type Obj } from '../../../../client/types.js';
import { readAll } from '../../../shared/io.js';
import type { Ctx } from '../../context.js';
import { requestJson } from '../../resource/request.js';
import { visitManifests, type ManifestOptions } from '../apply/objects/visit.js';
import { withSource } from '../apply/source-error.js';
import { createOrUpdateAnnotation } from '../apply/last-applied.js';
import { Aggregate, reportable } from '../mutate/aggregate.js';
import { writeQuery } from '../mutate/dry-run.js';
import { builderEnv } from '../mutate/env.js';
import { collectionPath, kindString, objectPath, type Info } from '../mutate/info.js';
import type { ReplaceOptions } from './options.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.status.reason === 'NotFound';

async function deleteOne(ctx: Ctx, o: ReplaceOptions, info: Info): Promise<void> {
  const body: Record<string, unknown> = {};
  if (o.gracePeriod >= 0) body.gracePeriodSeconds = o.gracePeriod;
  body.propagationPolicy = o.cascade;
  try {
    await requestJson(await ctx.factory.client(), 'DELETE', objectPath(info.mapping!, info.namespace || undefined, info.name), { body });
  } catch (err) {
    throw withSource('deleting', info.source, err);
  }
  const kind = kindString(info.mapping!);
  ctx.io.stdout.write(o.output === 'name' ? `${kind}/${info.name}\n` : `${kind} "${info.name}" deleted\n`);
}

async function waitGone(ctx: Ctx, info: Info, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await requestJson(await ctx.factory.client(), 'GET', objectPath(info.mapping!, info.namespace || undefined, info.name));
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    if (Date.now() >= until) throw new Error('context deadline exceeded');
    await sleep(1000);
  }
}

async function collect(ctx: Ctx, m: ManifestOptions): Promise<{ infos: Info[]; error?: Error }> {
  const infos: Info[] = [];
  const error = await visitManifests(builderEnv(ctx), m, async (info) => {
    infos.push(info);
  });
  return error ? { infos, error } : { infos };
}

export async function forceReplace(ctx: Ctx, o: ReplaceOptions, m: ManifestOptions): Promise<number> {
  if (ctx.args.length > 0) throw new Error('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  if (o.files.filenames.includes('-')) m = { ...m, stdinText: (await readAll(ctx.io.stdin)).toString('utf8') };
  const first = await collect(ctx, { ...m, validate: false });
  const errs: Error[] = [];
  for (const info of first.infos) {
    try {
      await deleteOne(ctx, o, info);
    } catch (err) {
      if (!isNotFound(err)) errs.push(err as Error);
    }
  }
  if (first.error) errs.push(first.error);
  if (errs.length > 0) throw reportable(errs.length === 1 ? errs[0]! : new Aggregate(errs));
  if (first.infos.length === 0) ctx.io.stdout.write('No resources found\n');
  const timeout = o.timeoutMs === 0 ? 5 * 60_000 : o.timeoutMs;
  for (const info of first.infos) await waitGone(ctx, info, timeout);
  let count = 0;
  const err = await visitManifests(builderEnv(ctx), m, async (info) => {
    createOrUpdateAnnotation(o.saveConfig, info.object!);
    const q = writeQuery({ fieldManager: o.fieldManager, fieldValidation: o.validation });
    const created = await requestJson<Obj>(await ctx.factory.client(), 'POST', collectionPath(info.mapping!, info.namespace || undefined) + q, { body: info.object });
    count++;
    ctx.io.stdout.write(await o.printer.print(created, 'replaced'));
  });
  if (err) throw reportable(err);
  if (count === 0) throw new Error('no objects passed to replace');
  return 0;
}
