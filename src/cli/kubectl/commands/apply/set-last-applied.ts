// kubectl apply set-last-applied -f: the last-applied-configuration annotation set to the file's
// objects (a merge patch), `no changes required` when it already says exactly that.
import { ApiError, type Obj } from '../../../../client/types.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import type { Ctx } from '../../context.js';
import { requestJson } from '../../resource/request.js';
import { stripComments } from '../edit/text.js';
import { dryRunStrategy } from '../create/options.js';
import { reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import { withDryRun } from '../mutate/dry-run.js';
import { builderEnv } from '../mutate/env.js';
import { objectPath, retrieve, type Info } from '../mutate/info.js';
import { ObjectPrinter } from '../mutate/printer.js';
import { encodeUnstructured, LAST_APPLIED, originalConfiguration } from './last-applied.js';
import { withSource } from './source-error.js';
import { infoString } from './state.js';

interface Pending {
  info: Info;
  patch: string;
}

async function check(ctx: Ctx, info: Info, pending: Pending[]): Promise<void> {
  const desired = encodeUnstructured(info.object);
  const patch = goJsonMarshal({ metadata: { annotations: { [LAST_APPLIED]: desired } } });
  try {
    await retrieve(await ctx.factory.client(), info);
  } catch (err) {
    if (err instanceof ApiError && err.status.reason === 'NotFound') throw err;
    throw withSource(`retrieving current configuration of:\n${infoString(info)}\nfrom server for:`, info.source, err);
  }
  const original = originalConfiguration(info.object!);
  if (original === undefined && !ctx.bool('create-annotation')) {
    throw new Error(`no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation`);
  }
  if (stripComments(original ?? '') !== stripComments(desired)) pending.push({ info, patch });
  else ctx.io.stdout.write(`set-last-applied ${info.name}: no changes required.\n`);
}

export async function run(ctx: Ctx): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  const printer = ObjectPrinter.from(ctx);
  const result = await new Builder(builderEnv(ctx))
    .namespaceParam(namespace).defaultNamespace()
    .filenameParam(explicit, { filenames: ctx.list('filename'), recursive: false, kustomize: '' })
    .requireObject(false)
    .do();
  const pending: Pending[] = [];
  const err = result.err ?? (await result.visit((info) => check(ctx, info, pending)));
  if (err) throw reportable(err);
  for (const { info, patch } of pending) {
    let obj: Obj = info.object!;
    if (dryRun !== 'client') {
      const q = dryRun === 'server' ? '?dryRun=All' : '';
      obj = await requestJson<Obj>(await ctx.factory.client(), 'PATCH', objectPath(info.mapping!, info.namespace || undefined, info.name) + q, {
        body: patch, contentType: 'application/merge-patch+json',
      });
    }
    ctx.io.stdout.write(await printer.print(obj, withDryRun('configured', dryRun)));
  }
  return 0;
}
