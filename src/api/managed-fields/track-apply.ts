// FieldManager.Apply: a server-side apply of `config` by `manager` onto the live object (or onto
// the kind's empty object, for an apply that creates). Errors are the apiserver's: 400 for a
// configuration of another kind or carrying managedFields, 500 for fields the schema does not
// declare, 409 with FieldManagerConflict causes for conflicts.
import { badRequest, StatusError } from '../errors.js';
import { conflictError } from './conflict.js';
import type { FieldSet } from './field-set.js';
import { stripMeta } from './housekeeping.js';
import { KUBECTL, allowedByLastApplied, updateLastApplied } from './last-applied.js';
import { decodeManaged, managerIdentifier, type Managed } from './managed.js';
import { MergeError } from './merge.js';
import type { FieldManagerScope } from './scope.js';
import { metaOf, recordUpdate, withManagedFields, withoutManagedFields, type ObjectJson } from './track-update.js';
import { applyManaged, Conflicts } from './updater.js';
import { validateValue } from './validate.js';

export interface ApplyRequest {
  readonly scope: FieldManagerScope;
  /** undefined: the object does not exist yet. */
  readonly live: ObjectJson | undefined;
  readonly config: ObjectJson;
  readonly manager: string;
  readonly force: boolean;
}

/** A plain Go error reaching the handler: 500, no reason. */
export function serverError(message: string): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

function gvkOf(config: ObjectJson): string {
  const apiVersion = typeof config.apiVersion === 'string' ? config.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  const gv = slash < 0 ? `/${apiVersion}` : apiVersion;
  return `${gv}, Kind=${typeof config.kind === 'string' ? config.kind : ''}`;
}

/** versionCheckManager and the structured manager's checks of the configuration. */
function checkConfig(scope: FieldManagerScope, config: ObjectJson): void {
  const want = `${scope.group}/${scope.version}, Kind=${scope.kind}`;
  if (gvkOf(config) !== want) throw badRequest(`invalid object type: ${gvkOf(config)}`);
  if (Array.isArray(metaOf(config).managedFields)) throw badRequest('metadata.managedFields must be nil');
  const err = validateValue(scope.typed.schema, scope.typed.type, config);
  if (err === undefined) return;
  const m = metaOf(config);
  const nn = `${typeof m.namespace === 'string' ? m.namespace : ''}/${typeof m.name === 'string' ? m.name : ''}`;
  throw serverError(`failed to create typed patch object (${nn}; ${gvkOf(config)}): ${err}`);
}

const copyManaged = (m: Managed): Managed => ({ fields: new Map(m.fields), times: new Map(m.times) });

/** skipNonApplied … structured merge, for one attempt. */
function applyOnce(r: ApplyRequest, live: ObjectJson, managed: Managed, force: boolean): ObjectJson {
  const { scope } = r;
  if (managed.fields.size === 0) recordUpdate(scope, scope.zero() as ObjectJson, live, managed, 'before-first-apply');
  const id = managerIdentifier({ manager: r.manager, operation: 'Apply', subresource: scope.subresource });
  const base = withoutManagedFields(live);
  let result;
  try {
    result = applyManaged(scope.typed, base, r.config, scope.apiVersion, managed.fields, id, force);
  } catch (err) {
    if (err instanceof MergeError) throw serverError(`failed to merge config: ${err.message}`);
    throw err;
  }
  stripMeta(managed, id);
  if (result.object !== undefined && scope.now !== undefined) managed.times.set(id, scope.now);
  return withManagedFields((result.object as ObjectJson | undefined) ?? base, managed);
}

/** conflictsDifference: the conflicts outside `allowed`; undefined when none are left. */
function outside(c: Conflicts, allowed: FieldSet): Conflicts | undefined {
  const left = new Map<string, FieldSet>();
  for (const [id, set] of c.byManager) {
    const rest = set.paths().filter((p) => !allowed.has(p));
    if (rest.length > 0) left.set(id, set.difference(allowed));
  }
  return left.size > 0 ? new Conflicts(left) : undefined;
}

/** The applied object with its managedFields. Throws StatusError. */
export function trackApply(r: ApplyRequest): ObjectJson {
  checkConfig(r.scope, r.config);
  const live = r.live ?? (r.scope.zero() as ObjectJson);
  let managed: Managed;
  try {
    managed = decodeManaged(metaOf(live).managedFields);
  } catch (err) {
    throw serverError(`failed to decode managed fields: ${(err as Error).message}`);
  }
  let out: ObjectJson;
  try {
    out = applyOnce(r, live, copyManaged(managed), r.force);
  } catch (err) {
    if (!(err instanceof Conflicts)) throw err;
    const allowed = r.manager === KUBECTL ? allowedByLastApplied(r.scope, live) : undefined;
    const left = allowed ? outside(err, allowed) : err;
    if (left) throw conflictError(left);
    out = applyOnce(r, live, copyManaged(managed), true);
  }
  return updateLastApplied(r.manager, out, r.config);
}
