// kubectl create -f/-k: every object read is POSTed as it is (the last-applied annotation added
// with --save-config or refreshed when present), `<kind>/<name> created` per object; failures
// (AlreadyExists, invalid documents) are reported together at the end, exit 1.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { buildKustomization } from '../../kustomize/build.js';
import { requestJson } from '../../resource/request.js';
import { createOrUpdateAnnotation } from '../apply/last-applied.js';
import { visitManifests } from '../apply/objects/visit.js';
import { fieldValidationVerifier, OpenApiV3 } from '../apply/openapi.js';
import { withSource } from '../apply/source-error.js';
import { dryRunStrategy, validationDirective } from '../create/options.js';
import { reportable } from '../mutate/aggregate.js';
import { withDryRun, writeQuery, type DryRun } from '../mutate/dry-run.js';
import { builderEnv } from '../mutate/env.js';
import { collectionPath, type Info } from '../mutate/info.js';
import { ObjectPrinter } from '../mutate/printer.js';
import { rawRequest, rawUriError, validateRaw } from '../rawhttp.js';

interface CreateFileOptions {
  dryRun: DryRun;
  validation: string;
  printer: ObjectPrinter;
  raw: string;
}

function complete(ctx: Ctx): CreateFileOptions {
  if (ctx.args.length !== 0) throw ctx.usageError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const dryRun = dryRunStrategy(ctx);
  const validation = validationDirective(ctx);
  return { dryRun, validation, printer: ObjectPrinter.from(ctx), raw: ctx.str('raw') };
}

function validate(ctx: Ctx, o: CreateFileOptions): void {
  if (ctx.list('filename').length === 0 && ctx.str('kustomize') === '') throw new Error('must specify one of -f and -k');
  if (o.raw === '') return;
  if (ctx.bool('edit')) throw new Error('--raw and --edit are mutually exclusive');
  validateRaw(ctx.list('filename'), ctx.bool('recursive'), '');
  if (ctx.str('selector') !== '') throw new Error('--raw and --selector (-l) are mutually exclusive');
  if (ctx.str('output') !== '') throw new Error('--raw and --output are mutually exclusive');
  const bad = rawUriError(o.raw);
  if (bad) throw new Error(bad);
}

async function createOne(ctx: Ctx, o: CreateFileOptions, info: Info): Promise<void> {
  const obj = info.object!;
  try {
    createOrUpdateAnnotation(ctx.bool('save-config'), obj);
  } catch (err) {
    throw withSource('creating', info.source, err);
  }
  let out: Obj = obj;
  if (o.dryRun !== 'client') {
    const client = await ctx.factory.client();
    const q = writeQuery({ dryRun: o.dryRun === 'server', fieldManager: ctx.str('field-manager'), fieldValidation: o.validation });
    const meta = obj.metadata as Record<string, unknown> | undefined;
    if (meta?.resourceVersion !== undefined) delete meta.resourceVersion;
    try {
      out = await requestJson<Obj>(client, 'POST', collectionPath(info.mapping!, info.namespace || undefined) + q, { body: obj });
    } catch (err) {
      throw withSource('creating', info.source, err);
    }
  }
  ctx.io.stdout.write(await o.printer.print(out, withDryRun('created', o.dryRun)));
}

/** `kubectl create` with -f or -k (what the bare create command runs when given files). */
export async function runCreateFromFiles(ctx: Ctx): Promise<number> {
  const o = complete(ctx);
  validate(ctx, o);
  if (o.raw !== '') return rawRequest(ctx, 'POST', o.raw, ctx.list('filename')[0]!);
  if (ctx.bool('edit')) {
    const { runEditOnCreate } = await import('../edit/modes.js');
    return runEditOnCreate(ctx);
  }
  const { namespace, explicit } = await ctx.factory.namespace();
  let count = 0;
  const err = await visitManifests(builderEnv(ctx), {
    files: { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') },
    namespace, enforceNamespace: explicit, selector: ctx.str('selector'), validate: o.validation !== 'Ignore',
    kustomize: (dir) => buildKustomization(dir, ctx.io),
    verify: fieldValidationVerifier(o.validation, new OpenApiV3(await ctx.factory.client())),
  }, async (info) => {
    await createOne(ctx, o, info);
    count++;
  });
  if (err) throw reportable(err);
  if (count === 0) throw new Error('no objects passed to create');
  return 0;
}

export const run = runCreateFromFiles;
