// What edit does with each saved object: normal mode patches the server object (strategic merge
// patch from the original and edited JSON, JSON merge patch for custom kinds), create mode
// POSTs it, apply mode rewrites the last-applied annotation; unchanged objects are `skipped`.
import type { Obj } from '../../../../client/types.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import type { Ctx } from '../../context.js';
import { requestJson } from '../../resource/request.js';
import { createOrUpdateAnnotation, LAST_APPLIED } from '../apply/last-applied.js';
import { OpenApiV3 } from '../apply/openapi.js';
import { gvkOf, MERGE, STRATEGIC } from '../apply/patcher.js';
import { createMergePatch } from '../apply/patch/json-merge.js';
import { PreconditionFailed, requireKeyUnchanged, requireMetadataKeyUnchanged, twoWayStrategicPatch } from '../apply/patch/three-way.js';
import type { JsonMap } from '../apply/patch/values.js';
import { writeQuery } from '../mutate/dry-run.js';
import { collectionPath, objectPath, type Info } from '../mutate/info.js';
import type { ObjectPrinter } from '../mutate/printer.js';
import type { EditResults } from './results.js';
import type { EditMode } from './text.js';

export interface EditSettings {
  mode: EditMode;
  format: 'yaml' | 'json';
  namespace: string;
  validate: boolean;
  validation: string;
  fieldManager: string;
  subresource: string;
  applyAnnotation: boolean;
  outputPatch: boolean;
  windowsLineEndings: boolean;
  printer: () => ObjectPrinter;
}

const PRECONDITIONS = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name'), requireKeyUnchanged('managedFields')];
const CHANGED = 'At least one of apiVersion, kind and name was changed';

/** encodeToJSON: compact JSON, keys sorted. */
const toJs = (o: Obj | undefined): JsonMap => JSON.parse(goJsonMarshal(o ?? {})) as JsonMap;

function originalFor(infos: Info[], edited: Info): Info {
  const uid = edited.object?.metadata?.uid ?? '';
  const found = infos.find((i) => (i.object?.metadata?.uid ?? '') === uid);
  if (!found) throw new Error(`no original object found for ${goJsonMarshal(edited.object ?? null)}`);
  return found;
}

async function print(ctx: Ctx, s: EditSettings, obj: Obj, op: string): Promise<void> {
  ctx.io.stdout.write(await s.printer().print(obj, op));
}

async function patchFor(ctx: Ctx, info: Info, original: JsonMap, edited: JsonMap): Promise<{ patch: JsonMap; type: string }> {
  const openapi = new OpenApiV3(await ctx.factory.client());
  const gvk = gvkOf(info);
  const lookup = (await openapi.supportsStrategic(gvk)) ? await openapi.lookup(gvk) : undefined;
  if (!lookup) {
    const patch = createMergePatch(original, edited);
    if (!PRECONDITIONS.every((fn) => fn(patch))) throw new Error(CHANGED);
    return { patch, type: MERGE };
  }
  try {
    return { patch: twoWayStrategicPatch(original, edited, lookup, PRECONDITIONS), type: STRATEGIC };
  } catch (err) {
    if (err instanceof PreconditionFailed) throw new Error(CHANGED);
    throw err;
  }
}

async function patchOne(ctx: Ctx, s: EditSettings, infos: Info[], info: Info, results: EditResults): Promise<void> {
  const original = toJs(originalFor(infos, info).object);
  const edited = toJs(info.object);
  if (goJsonMarshal(original) === goJsonMarshal(edited)) {
    await print(ctx, s, info.object!, 'skipped');
    return;
  }
  const { patch, type } = await patchFor(ctx, info, original, edited);
  const text = goJsonMarshal(patch);
  if (s.outputPatch) ctx.io.stdout.write(`Patch: ${text}\n`);
  const q = writeQuery({ fieldManager: s.fieldManager, fieldValidation: s.validation });
  const path = objectPath(info.mapping!, info.namespace || undefined, info.name, s.subresource || undefined) + q;
  let patched: Obj;
  try {
    patched = await requestJson<Obj>(await ctx.factory.client(), 'PATCH', path, { body: text, contentType: type });
  } catch (err) {
    ctx.io.stderr.write(`${results.addError(err, info)}\n`);
    return;
  }
  await print(ctx, s, patched, 'edited');
}

/** GetApplyPatch: a merge patch setting the annotation to the edited configuration. */
async function applyEditOne(ctx: Ctx, s: EditSettings, infos: Info[], info: Info): Promise<void> {
  const original = toJs(originalFor(infos, info).object);
  const edited = toJs(info.object);
  if (goJsonMarshal(original) === goJsonMarshal(edited)) {
    await print(ctx, s, info.object!, 'skipped');
    return;
  }
  const patch = { metadata: { annotations: { [LAST_APPLIED]: `${goJsonMarshal(edited)}\n` } } };
  const q = writeQuery({ fieldManager: s.fieldManager, fieldValidation: s.validation });
  const path = objectPath(info.mapping!, s.namespace || undefined, info.name, s.subresource || undefined) + q;
  await requestJson<Obj>(await ctx.factory.client(), 'PATCH', path, { body: goJsonMarshal(patch), contentType: MERGE });
  await print(ctx, s, info.object!, 'edited');
}

async function createOne(ctx: Ctx, s: EditSettings, info: Info): Promise<void> {
  const meta = info.object!.metadata as Record<string, unknown> | undefined;
  if (meta?.resourceVersion !== undefined) delete meta.resourceVersion;
  const q = writeQuery({ fieldManager: s.fieldManager, fieldValidation: s.validation });
  const created = await requestJson<Obj>(await ctx.factory.client(), 'POST', collectionPath(info.mapping!, info.namespace || undefined) + q, { body: info.object });
  await print(ctx, s, created, 'created');
}

/** visitAnnotation, then the mode's visit; the first failure stops the visit. */
export async function applyEdits(ctx: Ctx, s: EditSettings, infos: Info[], updated: Info[], results: EditResults): Promise<void> {
  if (s.applyAnnotation) for (const info of updated) createOrUpdateAnnotation(true, info.object!);
  for (const info of updated) {
    if (s.mode === 'normal') await patchOne(ctx, s, infos, info, results);
    else if (s.mode === 'apply') await applyEditOne(ctx, s, infos, info);
    else await createOne(ctx, s, info);
  }
}
