// The three ways an edit session starts: `kubectl edit` (the latest server objects, edited as
// one file), `kubectl apply edit-last-applied` (their last-applied configurations) and
// `kubectl create --edit` (each object of the files, edited then created).
import type { Ctx } from '../../context.js';
import { originalConfiguration } from '../apply/last-applied.js';
import { visitManifests } from '../apply/objects/visit.js';
import { validationDirective } from '../create/options.js';
import { reportable } from '../mutate/aggregate.js';
import { Builder } from '../mutate/builder.js';
import type { Result } from '../mutate/builder-visit.js';
import { builderEnv } from '../mutate/env.js';
import type { Info } from '../mutate/info.js';
import { ObjectPrinter } from '../mutate/printer.js';
import { editObjects, parseEdited } from './session.js';
import type { EditMode } from './text.js';
import type { EditSettings } from './visit.js';

async function settings(ctx: Ctx, mode: EditMode, fieldManager: string): Promise<EditSettings> {
  const output = ctx.str('output');
  if (ctx.bool('output-patch') && mode !== 'normal') throw new Error("the edit mode doesn't support output the patch");
  const { namespace } = await ctx.factory.namespace();
  return {
    mode, format: output === 'json' ? 'json' : 'yaml', namespace, validate: true, validation: 'Strict', fieldManager,
    subresource: ctx.str('subresource'), applyAnnotation: ctx.bool('save-config'),
    outputPatch: ctx.bool('output-patch'), windowsLineEndings: ctx.bool('windows-line-endings'), printer: () => ObjectPrinter.from(ctx),
  };
}

function withValidation(ctx: Ctx, s: EditSettings): EditSettings {
  const validation = validationDirective(ctx);
  return { ...s, validation, validate: validation !== 'Ignore' };
}

const filesOf = (ctx: Ctx) => ({ filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') });

/** Complete's builder: TYPE NAME or -f, always re-read from the server. */
async function latestResult(ctx: Ctx, s: EditSettings): Promise<Result> {
  const { explicit } = await ctx.factory.namespace();
  const result = await new Builder(builderEnv(ctx))
    .resourceTypeOrNameArgs(true, ...ctx.args).latest()
    .namespaceParam(s.namespace).defaultNamespace()
    .filenameParam(explicit, filesOf(ctx))
    .subresource(s.subresource)
    .continueOnError()
    .do();
  if (result.err) throw reportable(result.err);
  return result;
}

async function infosOf(result: Result): Promise<Info[]> {
  const { infos, error } = await result.infos();
  if (error) throw reportable(error);
  return infos;
}

/** kubectl edit */
export async function runNormalEdit(ctx: Ctx): Promise<number> {
  let s = await settings(ctx, 'normal', ctx.str('field-manager'));
  const result = await latestResult(ctx, s);
  s = withValidation(ctx, s);
  const infos = await infosOf(result);
  if (infos.length === 0) throw new Error('edit cancelled, no objects found');
  await editObjects(ctx, s, infos);
  return 0;
}

/** kubectl apply edit-last-applied */
export async function runApplyEdit(ctx: Ctx): Promise<number> {
  let s = await settings(ctx, 'apply', ctx.str('field-manager'));
  const result = await latestResult(ctx, s);
  s = withValidation(ctx, s);
  const annotated: Info[] = [];
  for (const info of await infosOf(result)) {
    const data = originalConfiguration(info.object!);
    if (data === undefined) continue;
    const parsed = await parseEdited(ctx, data);
    if (parsed[0]) annotated.push(parsed[0]);
  }
  if (annotated.length === 0) {
    throw new Error('no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
  }
  await editObjects(ctx, s, annotated);
  return 0;
}

/** create --edit (RunEditOnCreate): each object of the files edited, then created. */
export async function runEditOnCreate(ctx: Ctx): Promise<number> {
  const s = withValidation(ctx, { ...(await settings(ctx, 'create', 'kubectl-create')), applyAnnotation: ctx.bool('save-config') });
  const { namespace, explicit } = await ctx.factory.namespace();
  const err = await visitManifests(builderEnv(ctx), { files: filesOf(ctx), namespace, enforceNamespace: explicit, validate: false }, (info) => editObjects(ctx, s, [info]));
  if (err) throw reportable(err);
  return 0;
}
