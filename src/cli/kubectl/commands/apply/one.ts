// ApplyOptions.applyOneObject, client-side: create the object (with its last-applied
// annotation) when the server does not have it, otherwise patch it with the three-way patch;
// `created`, `configured` or `unchanged`.
import { ApiError, type Obj } from '../../../../client/types.js';
import { requestJson } from '../../resource/request.js';
import { writeQuery } from '../mutate/dry-run.js';
import { collectionPath, retrieve, type Info } from '../mutate/info.js';
import { createApplyAnnotation, LAST_APPLIED, modifiedConfiguration, pruneNulls } from './last-applied.js';
import { patchObject } from './patcher.js';
import { withSource } from './source-error.js';
import { serverSideApply } from './server-side.js';
import { infoString, warnIfDeleting, type ApplyRun } from './state.js';

const MISSING_ANNOTATION = (name: string): string =>
  `Warning: resource ${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

async function createNew(run: ApplyRun, info: Info): Promise<void> {
  const obj = info.object!;
  createApplyAnnotation(obj);
  pruneNulls(obj);
  if (run.o.dryRun !== 'client') {
    const o = run.o;
    const q = writeQuery({ dryRun: o.dryRun === 'server', fieldManager: o.fieldManager, fieldValidation: o.validation });
    const body = obj as unknown as { metadata?: Record<string, unknown> };
    if (body.metadata?.resourceVersion !== undefined) delete body.metadata.resourceVersion;
    try {
      info.object = await requestJson<Obj>(run.client, 'POST', collectionPath(info.mapping!, info.namespace || undefined) + q, { body: obj });
    } catch (err) {
      throw withSource('creating', info.source, err);
    }
  }
  run.markObject(info);
  await run.printLine(info.object!, 'created');
}

async function patchExisting(run: ApplyRun, info: Info, modified: string): Promise<void> {
  const current = info.object!;
  if (!current.metadata?.annotations || !(LAST_APPLIED in current.metadata.annotations)) {
    run.io.stderr.write(MISSING_ANNOTATION(`${info.mapping!.resource}/${info.name}`));
  }
  let result;
  try {
    result = await patchObject(run.patcher(), info, current, modified);
  } catch (err) {
    const patch = (err as { patchText?: string }).patchText ?? '';
    throw withSource(`applying patch:\n${patch}\nto:\n${infoString(info)}\nfor:`, info.source, err);
  }
  info.object = result.object;
  warnIfDeleting(info.object, run.io);
  await run.printLine(info.object, result.patch === '{}' ? 'unchanged' : 'configured');
}

export async function applyOne(run: ApplyRun, info: Info): Promise<void> {
  run.markNamespace(info);
  const obj = info.object!;
  if (info.name === '' && typeof obj.metadata?.generateName === 'string' && obj.metadata.generateName !== '') {
    throw new Error(`from ${obj.metadata.generateName}: cannot use generate name with apply`);
  }
  if (run.o.serverSide) {
    await serverSideApply(run, info);
    return;
  }
  const modified = modifiedConfiguration(obj, true);
  const live: Info = { ...info };
  try {
    await retrieve(run.client, live);
  } catch (err) {
    if (!(err instanceof ApiError && err.status.reason === 'NotFound')) {
      throw withSource(`retrieving current configuration of:\n${infoString(info)}\nfrom server for:`, info.source, err);
    }
    await createNew(run, info);
    return;
  }
  info.object = live.object!;
  run.markObject(info);
  if (run.o.dryRun === 'client') {
    await run.printLine(info.object, 'configured');
    return;
  }
  await patchExisting(run, info, modified);
}
