// apply --server-side: the whole object sent as an apply patch (field manager `kubectl` unless
// told otherwise, force only with --force-conflicts), the conflict advice kubectl appends, then
// the last-applied annotation kept under its own manager and client-side managers migrated.
import { ApiError, type Obj } from '../../../../client/types.js';
import { requestJson } from '../../resource/request.js';
import { objectPath, type Info } from '../mutate/info.js';
import { LAST_APPLIED, encodeUnstructured } from './last-applied.js';
import { ownsLastApplied, upgradeManagedFieldsPatch, type ManagedFieldsEntry } from './managed-fields.js';
import { FIELD_MANAGER_SSA } from './options.js';
import { warnIfDeleting, type ApplyRun } from './state.js';

const APPLY_PATCH = 'application/apply-patch+yaml';

const CONFLICT_ADVICE = `
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** PatchOptions as client-go encodes them: keys sorted, force always present. */
function patchQuery(run: ApplyRun, fieldManager: string, force: boolean | undefined): string {
  const q = new URLSearchParams();
  if (run.o.dryRun === 'server') q.set('dryRun', 'All');
  q.set('fieldManager', fieldManager);
  if (run.o.validation) q.set('fieldValidation', run.o.validation);
  if (force !== undefined) q.set('force', String(force));
  return `?${q.toString()}`;
}

async function applyPatch(run: ApplyRun, info: Info, body: string, fieldManager: string, force: boolean | undefined, sub = ''): Promise<Obj> {
  const path = objectPath(info.mapping!, info.namespace || undefined, info.name, sub || undefined);
  return requestJson<Obj>(run.client, 'PATCH', path + patchQuery(run, fieldManager, force), { body, contentType: APPLY_PATCH });
}

function wrapError(err: unknown): Error {
  if (err instanceof ApiError && err.status.code === 415) return new Error(`Server-side apply not available on the server: (${err.message})`);
  if (err instanceof ApiError && err.status.reason === 'Conflict') return new Error(`${err.message}${CONFLICT_ADVICE}`);
  return err as Error;
}

/** saveLastApplyAnnotationIfNecessary: the annotation re-applied under `kubectl-last-applied`. */
async function saveLastApplied(run: ApplyRun, info: Info): Promise<void> {
  if (run.o.fieldManager !== FIELD_MANAGER_SSA) return;
  const obj = info.object!;
  const annotation = obj.metadata?.annotations?.[LAST_APPLIED];
  if (annotation === undefined) return;
  if (ownsLastApplied((obj.metadata?.managedFields ?? []) as ManagedFieldsEntry[], 'Apply').length > 0) return;
  const m = info.mapping!;
  const just = {
    apiVersion: m.group === '' ? m.version : `${m.group}/${m.version}`, kind: m.kind,
    metadata: { annotations: { [LAST_APPLIED]: annotation }, name: obj.metadata?.name, ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}) },
  };
  info.object = await applyPatch(run, info, encodeUnstructured(just), 'kubectl-last-applied', undefined);
}

/** migrateToSSAIfNecessary: client-side managers' fields moved to the apply manager. */
async function migrate(run: ApplyRun, info: Info): Promise<boolean> {
  const obj = info.object!;
  const entries = (obj.metadata?.managedFields ?? []) as ManagedFieldsEntry[];
  const csa = new Set(ownsLastApplied(entries, 'Update').map((e) => e.manager ?? ''));
  const patch = upgradeManagedFieldsPatch(obj, csa, run.o.fieldManager);
  if (patch === undefined) return false;
  const q = patchQuery(run, run.o.fieldManager, undefined);
  info.object = await requestJson<Obj>(run.client, 'PATCH', objectPath(info.mapping!, info.namespace || undefined, info.name) + q, {
    body: patch, contentType: 'application/json-patch+json',
  });
  return true;
}

export async function serverSideApply(run: ApplyRun, info: Info): Promise<void> {
  const data = encodeUnstructured(info.object);
  try {
    info.object = await applyPatch(run, info, data, run.o.fieldManager, run.o.forceConflicts, run.o.subresource);
  } catch (err) {
    throw wrapError(err);
  }
  await postApply(run, info, data);
  warnIfDeleting(info.object, run.io);
  run.markObject(info);
  await run.printLine(info.object!, 'serverside-applied');
}

async function postApply(run: ApplyRun, info: Info, data: string): Promise<void> {
  try {
    await saveLastApplied(run, info);
  } catch (err) {
    run.io.stderr.write(`Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${(err as Error).message}\n`);
    return;
  }
  let migrated: boolean;
  try {
    migrated = await migrate(run, info);
  } catch (err) {
    run.io.stderr.write(`Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${(err as Error).message}\n`);
    return;
  }
  if (!migrated) return;
  try {
    info.object = await applyPatch(run, info, data, run.o.fieldManager, run.o.forceConflicts);
  } catch (err) {
    run.io.stderr.write(`Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${(err as Error).message}\n`);
  }
}
