// What label and annotate share: the builder they configure, the edit of one metadata map
// (labels or annotations), the merge patch they send and `--list`'s output.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { goJsonMarshal } from '../../../../printers/jsonpath/gojson.js';
import { requestJson } from '../../resource/request.js';
import { Builder } from './builder.js';
import type { Result } from './builder-visit.js';
import { writeQuery, type DryRun } from './dry-run.js';
import { builderEnv } from './env.js';
import { objectPath, type Info } from './info.js';
import { createMergePatch } from './merge-patch.js';
import type { Pairs } from './pairs.js';

export interface MetadataOptions {
  namespace: string;
  enforceNamespace: boolean;
  local: boolean;
  all: boolean;
  allNamespaces: boolean;
  selector: string;
  fieldSelector: string;
  resources: string[];
  dryRun: DryRun;
  fieldManager: string;
}

/** RunLabel / RunAnnotate's builder. */
export function metadataBuilder(ctx: Ctx, o: MetadataOptions): Promise<Result> {
  const b = new Builder(builderEnv(ctx)).local(o.local).continueOnError()
    .namespaceParam(o.namespace).defaultNamespace()
    .filenameParam(o.enforceNamespace, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') });
  if (!o.local) {
    b.labelSelectorParam(o.selector).fieldSelectorParam(o.fieldSelector).allNamespaces(o.allNamespaces)
      .resourceTypeOrNameArgs(o.all, ...o.resources).latest();
  }
  return b.do();
}

export type MetaField = 'labels' | 'annotations';

export function mapOf(obj: Obj, field: MetaField): Record<string, string> | undefined {
  return obj.metadata?.[field] as Record<string, string> | undefined;
}

/** Adds and removes keys; the map is kept (possibly empty), as SetLabels/SetAnnotations keep it. */
export function applyPairs(obj: Obj, field: MetaField, pairs: Pairs, resourceVersion: string): void {
  const m: Record<string, string> = { ...(mapOf(obj, field) ?? {}) };
  for (const [k, v] of pairs.add) m[k] = v;
  for (const k of pairs.remove) delete m[k];
  obj.metadata = { ...(obj.metadata ?? {}), [field]: m };
  if (resourceVersion !== '') obj.metadata.resourceVersion = resourceVersion;
}

/** Go's json.Marshal of an object: what label compares and diffs. */
export const marshal = (obj: Obj): string => goJsonMarshal(obj);

export function clearResourceVersion(obj: Obj): void {
  if (obj.metadata && 'resourceVersion' in obj.metadata) delete obj.metadata.resourceVersion;
}

/** The merge patch from before to after, sent with the command's field manager. */
export async function patchObject(ctx: Ctx, o: MetadataOptions, info: Info, before: string, after: string): Promise<Obj> {
  const patch = createMergePatch(JSON.parse(before) as Record<string, unknown>, JSON.parse(after) as Record<string, unknown>);
  const client = await ctx.factory.client();
  const path = objectPath(info.mapping!, info.namespace || undefined, info.name) + writeQuery({ dryRun: o.dryRun === 'server', fieldManager: o.fieldManager });
  return requestJson<Obj>(client, 'PATCH', path, { body: goJsonMarshal(patch), contentType: 'application/merge-patch+json' });
}

/** `--list`: the map's entries, headed by `Listing labels for Kind.group/name:` for several objects. */
export function listLines(what: string, obj: Obj, one: boolean, field: MetaField, name: string): string {
  const entries = Object.entries(mapOf(obj, field) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const indent = one ? '' : ' ';
  let out = '';
  if (!one) {
    const apiVersion = obj.apiVersion ?? '';
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    out += `Listing ${what} for ${obj.kind ?? ''}.${group}/${name}:\n`;
  }
  return out + entries.map(([k, v]) => `${indent}${k}=${v}\n`).join('');
}
