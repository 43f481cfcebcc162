// DeleteResult: DELETE every object found (`pod "web" deleted`), `No resources found` on stdout
// when nothing was, then wait for the deleted objects to be gone (unless --wait=false or dry run).
import type { RestClient } from '../../../../client/rest.js';
import { ApiError, type Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { requestJson } from '../../resource/request.js';
import { reportable } from '../mutate/aggregate.js';
import type { Result } from '../mutate/builder-visit.js';
import { isNotFoundError, kindString, objectPath, type Info } from '../mutate/info.js';
import { deleteBody, type DeleteOptions } from './options.js';
import { waitForDeletion } from './wait.js';
import { locationKey } from './interactive.js';

function operationLine(o: DeleteOptions, info: Info): string {
  const kind = kindString(info.mapping!);
  if (o.output === 'name') return `${kind}/${info.name}\n`;
  let op = o.gracePeriod === 0 ? 'force deleted' : 'deleted';
  if (o.dryRun === 'client') op += ' (dry run)';
  if (o.dryRun === 'server') op += ' (server dry run)';
  return `${kind} "${info.name}" ${op}\n`;
}

/** AddSourceToErr: `error when deleting "pod.yaml": …` for objects read from files. */
function withSource(err: unknown, source: string | undefined): unknown {
  if (!source || !(err instanceof Error)) return err;
  const prefix = `error when deleting ${JSON.stringify(source)}: `;
  if (err instanceof ApiError) return new ApiError({ ...err.status, message: prefix + (err.status.message ?? '') });
  return new Error(prefix + err.message);
}

async function deleteOne(client: RestClient, o: DeleteOptions, info: Info): Promise<string | undefined> {
  const r = info.mapping!;
  try {
    const res = await requestJson<Obj & { details?: { uid?: string } }>(client, 'DELETE', objectPath(r, info.namespace || undefined, info.name), {
      body: deleteBody(o),
    });
    return res.kind === 'Status' ? res.details?.uid : res.metadata?.uid;
  } catch (err) {
    throw withSource(err, info.source);
  }
}

export async function deleteResult(ctx: Ctx, o: DeleteOptions, result: Result, only?: Set<string>): Promise<number> {
  if (o.ignoreNotFound) result.ignoreErrors(isNotFoundError);
  let found = 0;
  let warnClusterScope = o.warnClusterScope;
  const deleted: { info: Info; uid: string | undefined }[] = [];
  const client = await ctx.factory.client();
  const err = await result.visit(async (info) => {
    if (only && !only.has(locationKey(info))) return;
    found++;
    if (warnClusterScope && info.mapping && !info.mapping.namespaced) {
      ctx.io.stderr.write('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (o.dryRun === 'client') {
      ctx.io.stdout.write(operationLine(o, info));
      return;
    }
    const uid = await deleteOne(client, o, info);
    ctx.io.stdout.write(operationLine(o, info));
    deleted.push({ info, uid });
  });
  if (err) throw reportable(err);
  if (found === 0) {
    ctx.io.stdout.write('No resources found\n');
    return 0;
  }
  if (!o.waitForDeletion || o.dryRun !== 'none') return 0;
  await waitForDeletion(client, deleted, o.timeoutMs === 0 ? 168 * 3600_000 : o.timeoutMs, ctx.factory.klog);
  return 0;
}
