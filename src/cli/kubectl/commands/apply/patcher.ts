// apply's Patcher: the patch from last-applied, the new configuration and the live object —
// strategic when the server's OpenAPI v3 says the kind takes one, JSON merge patch otherwise —
// sent with the command's dry-run, field manager and validation; conflicts retried on a fresh
// read, and with --force an invalid or conflicting patch becomes delete-then-create.
import { ApiError, type Obj } from '../../../../client/types.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import { requestJson } from '../../resource/request.js';
import { writeQuery } from '../mutate/dry-run.js';
import { objectPath, retrieve, type Info } from '../mutate/info.js';
import { encodeUnstructured, originalConfiguration } from './last-applied.js';
import type { Gvk } from './openapi.js';
import { threeWayJsonMergePatch, threeWayStrategicPatch } from './patch/three-way.js';
import { isMap, type JsonMap } from './patch/values.js';
import { MERGE, STRATEGIC, type PatcherOptions, type PatchResult } from './patcher-options.js';
import { withSource } from './source-error.js';

export { MERGE, STRATEGIC, type PatcherOptions, type PatchResult };

export function gvkOf(info: Info): Gvk {
  return { group: info.mapping?.group ?? '', version: info.mapping?.version ?? '', kind: info.mapping?.kind ?? '' };
}

function parseJson(text: string): JsonMap {
  const v: unknown = JSON.parse(text);
  if (!isMap(v)) throw new Error('invalid JSON document');
  return v;
}

/** The patch and its media type (patchSimple's choice of strategy). */
export async function computePatch(p: PatcherOptions, info: Info, current: Obj, modified: string): Promise<{ patch: JsonMap; type: string }> {
  const cur = parseJson(encodeUnstructured(current));
  const originalText = originalConfiguration(current);
  const original = originalText ? parseJson(originalText) : {};
  const mod = parseJson(modified);
  const gvk = gvkOf(info);
  if (p.openapi && (await p.openapi.supportsStrategic(gvk))) {
    const lookup = await p.openapi.lookup(gvk);
    if (lookup) return { patch: threeWayStrategicPatch(original, mod, cur, lookup), type: STRATEGIC };
  }
  return { patch: threeWayJsonMergePatch(original, mod, cur), type: MERGE };
}

async function sendPatch(p: PatcherOptions, info: Info, patch: string, type: string): Promise<Obj> {
  const client = p.client;
  const q = writeQuery({ dryRun: p.dryRunServer, fieldManager: p.fieldManager, fieldValidation: p.fieldValidation });
  return requestJson<Obj>(client, 'PATCH', objectPath(info.mapping!, info.namespace || undefined, info.name) + q, { body: patch, contentType: type });
}

async function patchSimple(p: PatcherOptions, info: Info, current: Obj, modified: string): Promise<PatchResult> {
  const { patch, type } = await computePatch(p, info, current, modified);
  if (Object.keys(patch).length === 0) return { patch: '{}', object: current };
  if (p.resourceVersion !== undefined) {
    const meta = isMap(patch.metadata) ? patch.metadata : {};
    patch.metadata = { ...meta, resourceVersion: p.resourceVersion };
  }
  const text = goJsonMarshal(patch);
  try {
    return { patch: text, object: await sendPatch(p, info, text, type) };
  } catch (err) {
    throw Object.assign(err as Error, { patchText: text });
  }
}

const isReason = (err: unknown, reason: string): boolean => err instanceof ApiError && err.status.reason === reason;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Patcher.Patch: the patch sent and the object the server returned. */
export async function patchObject(p: PatcherOptions, info: Info, current: Obj, modified: string): Promise<PatchResult> {
  let cur = current;
  for (let attempt = 0; ; attempt++) {
    try {
      return await patchSimple(p, info, cur, modified);
    } catch (err) {
      if (isReason(err, 'Conflict') && attempt < 5) {
        if (attempt >= 1) await sleep(1000);
        const fresh: Info = { ...info };
        await retrieve(p.client, fresh);
        cur = fresh.object!;
        continue;
      }
      if ((isReason(err, 'Conflict') || isReason(err, 'Invalid')) && p.force) {
        const { deleteAndCreate } = await import('./force.js');
        return deleteAndCreate(p, info, cur, modified);
      }
      const patchText = (err as { patchText?: string }).patchText ?? '';
      throw Object.assign(withSource('patching', info.source, err), { patchText });
    }
  }
}
