// set.CalculatePatches and resource.Helper.Patch: each object encoded as its Go struct before
// and after the command's change, the strategic merge patch between the two, and the PATCH that
// sends it (with dryRun=All and the field manager in the query).
import { ApiError, type Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { requestJson, TYPED_ACCEPT, typedError } from '../../resource/request.js';
import { typedObject } from '../create/go-typed.js';
import { writeQuery } from '../mutate/dry-run.js';
import { objectPath, type Info } from '../mutate/info.js';
import { clone, str, type Json } from './json-values.js';
import { twoWayMergePatch } from './two-way-merge.js';

export interface Patch {
  info: Info;
  err?: Error;
  /** the patch to send; `{}` when nothing changed */
  patch: string;
}

/** The object as kubectl holds it after decoding into its Go type (kind and apiVersion set). */
export function typedCopy(info: Info): Json {
  const obj = (info.object ?? { metadata: {} }) as Json;
  const withType: Json = { ...obj };
  if (info.mapping && withType.kind === undefined) {
    const r = info.mapping;
    withType.apiVersion = r.group === '' ? r.version : `${r.group}/${r.version}`;
    withType.kind = r.kind;
  }
  return (typedObject(withType) as Json | undefined) ?? clone(withType);
}

function finish(info: Info, before: Json, obj: Json): Patch {
  const after = (typedObject(obj) as Json | undefined) ?? obj;
  info.object = after as Obj;
  return { info, patch: twoWayMergePatch(before, after, str(after.kind)) };
}

/**
 * CalculatePatch: `change` edits the object in place and returns false when it did nothing worth
 * a patch (the object is then left out); a thrown error is the patch's error. The changed
 * object replaces info.object, which --local and --dry-run=client print.
 */
export function calculatePatch(info: Info, change: (obj: Json) => boolean): Patch | undefined {
  const before = typedCopy(info);
  const obj = clone(before);
  try {
    if (!change(obj)) return undefined;
  } catch (err) {
    return { info, err: err as Error, patch: '' };
  }
  return finish(info, before, obj);
}

/** calculatePatch for a change that has to ask the server (set env --resolve). */
export async function calculatePatchAsync(info: Info, change: (obj: Json) => Promise<boolean>): Promise<Patch | undefined> {
  const before = typedCopy(info);
  const obj = clone(before);
  try {
    if (!(await change(obj))) return undefined;
  } catch (err) {
    return { info, err: err as Error, patch: '' };
  }
  return finish(info, before, obj);
}

export function calculatePatches(infos: Info[], change: (obj: Json, info: Info) => boolean): Patch[] {
  return infos.flatMap((info) => calculatePatch(info, (obj) => change(obj, info)) ?? []);
}

export const isEmptyPatch = (p: Patch): boolean => p.patch === '{}' || p.patch === '';

/** Info.ObjectName(): `deployments/web`, or for objects read with --local `deployment.apps/web`. */
export function objectName(info: Info): string {
  if (info.mapping) return `${info.mapping.resource}/${info.name}`;
  const apiVersion = str((info.object as Json | undefined)?.apiVersion);
  const kind = str((info.object as Json | undefined)?.kind).toLowerCase();
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return group === '' ? `${kind}/${info.name}` : `${kind}.${group}/${info.name}\n`;
}

export interface PatchOptions {
  dryRun?: boolean;
  fieldManager?: string;
  type?: 'application/strategic-merge-patch+json' | 'application/json-patch+json';
}

/** resource.Helper.Patch over the typed builder's client: the server's answer to the PATCH. */
export async function sendPatch(ctx: Ctx, info: Info, body: string, o: PatchOptions = {}): Promise<Obj> {
  const client = await ctx.factory.client();
  const r = info.mapping!;
  const path = objectPath(r, info.namespace || undefined, info.name) + writeQuery({ dryRun: o.dryRun, fieldManager: o.fieldManager });
  return requestJson<Obj>(client, 'PATCH', path, { body, contentType: o.type ?? 'application/strategic-merge-patch+json', accept: TYPED_ACCEPT })
    .catch((err: unknown) => { throw err instanceof ApiError ? typedError(err.status) : err; });
}
