// The field manager of a write request: the `fieldManager`/`force` options checked as the
// apiserver's handlers check them (422 on CreateOptions/UpdateOptions/PatchOptions), and the hook
// the registry calls to record managedFields for creates, updates and non-apply patches of a
// resource and of its status, scale, ephemeralcontainers, approval and finalize subresources.
import type { RequestContext } from '../registry/context.js';
import { rfc3339 } from '../registry/context.js';
import { APPLY_PATCH, patchMediaType } from '../patch/index.js';
import {
  fieldManagerScope,
  managerOrUserAgent,
  optionErrors,
  optionsInvalid,
  trackUpdate,
  type FieldManagerScope,
  type ObjectJson,
  type OptionsKind,
} from '../managed-fields/index.js';
import type { KObject } from '../types.js';
import { resetFieldsOf, type WriteEndpoint } from '../registry/write-strategy.js';
import type { Call } from './server-context.js';

/** Subresources whose writes change the stored object through its field manager. */
const TRACKED_SUBRESOURCES = new Set(['', 'status', 'scale', 'ephemeralcontainers', 'approval', 'finalize']);

/** Endpoints whose reset fields come from the per-resource write strategies. */
const RESET_BY_STRATEGY = new Set(['', 'status', 'approval', 'finalize']);

const OPTIONS: Record<string, OptionsKind> = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions' };

export const isApplyPatch = (c: Call): boolean => c.info.verb === 'patch' && patchMediaType(c.req.headers['content-type'] ?? '') === APPLY_PATCH;

/** The request's field manager scope (its kind, subresource and time). */
export function scopeOf(c: Call): FieldManagerScope {
  return fieldManagerScope({
    group: c.d.group,
    version: c.d.version,
    kind: c.d.kind,
    subresource: c.info.subresource,
    statusSubresource: c.d.statusSubresource,
    ...(RESET_BY_STRATEGY.has(c.info.subresource) ? { reset: resetFieldsOf(c.d, c.info.subresource === '' ? 'main' : (c.info.subresource as WriteEndpoint)) } : {}),
    now: rfc3339(c.s.gen.now()),
  });
}

/** Validates the options of a create, update or patch (422); throws StatusError. */
export function checkWriteOptions(c: Call): void {
  const kind = OPTIONS[c.info.verb];
  if (!kind) return;
  const errs = optionErrors({ kind, fieldManager: c.query.get('fieldManager') ?? '', apply: isApplyPatch(c), force: c.query.has('force') });
  if (errs.length > 0) throw optionsInvalid(kind, errs);
}

/** The registry hook that records this request's managed fields; undefined where none are kept. */
export function fieldTracker(c: Call): RequestContext['trackFields'] {
  if (!OPTIONS[c.info.verb] || !TRACKED_SUBRESOURCES.has(c.info.subresource) || isApplyPatch(c)) return undefined;
  const manager = managerOrUserAgent(c.query.get('fieldManager') ?? '', c.req.headers['user-agent'] ?? '');
  return (live: KObject | undefined, obj: KObject): void => {
    const out = trackUpdate(scopeOf(c), live as ObjectJson | undefined, obj as unknown as ObjectJson, manager);
    placeManagedFields(obj.metadata, out.metadata?.managedFields as unknown[] | undefined, live?.metadata);
  };
}

/**
 * Sets metadata.managedFields where the stored object has it (so that a write changing nothing
 * stays byte-identical and is no write), else last.
 */
export function placeManagedFields(meta: KObject['metadata'], entries: unknown[] | undefined, liveMeta: KObject['metadata'] | undefined): void {
  if (entries === undefined || 'managedFields' in meta) {
    if (entries === undefined) delete meta.managedFields;
    else meta.managedFields = entries;
    return;
  }
  const liveKeys = Object.keys(liveMeta ?? {});
  const after = new Set(liveKeys.slice(liveKeys.indexOf('managedFields') + 1));
  if (!liveKeys.includes('managedFields') || after.size === 0) {
    meta.managedFields = entries;
    return;
  }
  const pairs = Object.entries(meta);
  const at = pairs.findIndex(([k]) => after.has(k));
  pairs.splice(at < 0 ? pairs.length : at, 0, ['managedFields', entries]);
  for (const [k] of pairs) delete meta[k];
  for (const [k, v] of pairs) meta[k] = v;
}
