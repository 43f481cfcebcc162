// kubectl replace -f: every object read replaces the server's (a PUT carrying the live
// resourceVersion), `replaced`; --force deletes and re-creates; --raw PUTs the file as it is.
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { buildKustomization } from '../kustomize/build.js';
import { requestJson } from '../resource/request.js';
import { createOrUpdateAnnotation } from './apply/last-applied.js';
import { visitManifests, type ManifestOptions } from './apply/objects/visit.js';
import { fieldValidationVerifier, OpenApiV3 } from './apply/openapi.js';
import { withSource } from './apply/source-error.js';
import { rawRequest } from './rawhttp.js';
import { reportable } from './mutate/aggregate.js';
import { withDryRun, writeQuery } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import { objectPath, type Info } from './mutate/info.js';
import { forceReplace } from './replace/force.js';
import { completeReplace, validateReplace, type ReplaceOptions } from './replace/options.js';

/** Helper.Replace: the live resourceVersion is copied in when the object has none. */
async function replaceOne(ctx: Ctx, o: ReplaceOptions, info: Info): Promise<Obj> {
  const client = await ctx.factory.client();
  const obj = info.object!;
  const path = objectPath(info.mapping!, info.namespace || undefined, info.name, o.subresource || undefined);
  if (!obj.metadata?.resourceVersion) {
    try {
      const live = await requestJson<Obj>(client, 'GET', path);
      if (live.metadata?.resourceVersion) obj.metadata = { ...obj.metadata, resourceVersion: live.metadata.resourceVersion };
    } catch {
      // the PUT below reports what is wrong
    }
  }
  const q = writeQuery({ dryRun: o.dryRun === 'server', fieldManager: o.fieldManager, fieldValidation: o.validation });
  return requestJson<Obj>(client, 'PUT', path + q, { body: obj });
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await completeReplace(ctx);
  validateReplace(o);
  if (o.raw !== '') return rawRequest(ctx, 'PUT', o.raw, o.files.filenames[0]!);
  const m: ManifestOptions = {
    files: o.files, namespace: o.namespace, enforceNamespace: o.enforceNamespace, validate: o.validation !== 'Ignore',
    kustomize: (dir) => buildKustomization(dir, ctx.io),
    verify: fieldValidationVerifier(o.validation, new OpenApiV3(await ctx.factory.client())),
  };
  if (o.force) return forceReplace(ctx, o, m);
  const err = await visitManifests(builderEnv(ctx), m, async (info) => {
    createOrUpdateAnnotation(o.saveConfig, info.object!);
    let out = info.object!;
    if (o.dryRun !== 'client') {
      try {
        out = await replaceOne(ctx, o, info);
      } catch (e) {
        throw withSource('replacing', info.source, e);
      }
    }
    ctx.io.stdout.write(await o.printer.print(out, withDryRun('replaced', o.dryRun)));
  });
  if (err) throw reportable(err);
  return 0;
}
