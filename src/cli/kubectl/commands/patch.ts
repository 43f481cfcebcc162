// kubectl patch: a strategic merge (default), JSON merge or JSON patch sent as is (YAML turned
// into JSON first), fieldManager=kubectl-patch; `patched (no change)` when the server's answer
// equals the object read before. --local and --dry-run=client apply the patch here instead.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError, type Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { requestJson } from '../resource/request.js';
import { yamlToJson } from '../../../printers/yaml/go-yaml-read.js';
import { decodeJsonStream } from '../resource/files-json.js';
import { reportable } from './mutate/aggregate.js';
import { Builder } from './mutate/builder.js';
import { dryRunStrategy, writeQuery, type DryRun } from './mutate/dry-run.js';
import { builderEnv } from './mutate/env.js';
import { objectPath, type Info } from './mutate/info.js';
import { applyMergePatch, deepEqual } from './mutate/merge-patch.js';
import { ObjectPrinter } from './mutate/printer.js';
import { applyJsonPatchV4, decodeJsonPatch } from '../../../printers/gotypes/json-patch-v4.js';
import { applyStrategicPatch } from './patch/strategic.js';

const PATCH_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

interface PatchOptions {
  type: string;
  patch: string;
  local: boolean;
  dryRun: DryRun;
  namespace: string;
  enforceNamespace: boolean;
}

function validate(ctx: Ctx, o: PatchOptions): void {
  const patch = ctx.str('patch');
  const file = ctx.str('patch-file');
  if (patch !== '' && file !== '') throw new Error('cannot specify --patch and --patch-file together');
  if (patch === '' && file === '') throw new Error('must specify --patch or --patch-file containing the contents of the patch');
  if (o.local && ctx.args.length !== 0) throw new Error('cannot specify --local and server resources');
  if (o.local && o.dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (o.type !== '' && PATCH_TYPES[o.type.toLowerCase()] === undefined) {
    throw new Error(`--type must be one of [json merge strategic], not ${JSON.stringify(o.type)}`);
  }
}

/** The patch as JSON text: read, then yaml.ToJSON (JSON as is, YAML converted). */
function patchBytes(ctx: Ctx): string {
  const file = ctx.str('patch-file');
  let text = ctx.str('patch');
  if (file !== '') {
    try {
      text = readFileSync(resolve(ctx.io.cwd, file), 'utf8');
    } catch {
      throw new Error(`unable to read patch file: open ${file}: no such file or directory`);
    }
  }
  if (/^\s*\{/.test(text)) return text;
  const r = yamlToJson(text);
  if ('error' in r) throw new Error(`unable to parse ${JSON.stringify(ctx.str('patch'))}: ${r.error}`);
  return JSON.stringify(r.value);
}

/** The patch decoded, or the error each local patch function gives for text that is not JSON. */
function decodePatch(type: string, patch: string): unknown {
  try {
    return JSON.parse(patch) as unknown;
  } catch {
    if (type === 'merge') throw new Error('Invalid JSON Patch');
    if (type === 'strategic') throw new Error('invalid JSON document');
    const { error } = decodeJsonStream(patch);
    throw new Error((error?.message ?? 'unexpected end of JSON input').replace(/^json: offset \d+: /, '').replace(/^unexpected EOF$/, 'unexpected end of JSON input'));
  }
}

function applyLocally(type: string, obj: Obj, patch: string): Obj {
  const decoded = decodePatch(type, patch);
  if (type === 'json') {
    try {
      return applyJsonPatchV4(obj, decodeJsonPatch(decoded)) as Obj;
    } catch (err) {
      // getPatchedJSON's rewording of json-patch's missing key
      const msg = (err as Error).message;
      if (!msg.includes('doc is missing key')) throw err;
      throw new Error(`Object to be patched is missing field (${msg.slice(msg.indexOf('key:') + 5)})`);
    }
  }
  if (type === 'merge') return applyMergePatch(obj, decoded) as Obj;
  return applyStrategicPatch(obj, decoded) as Obj;
}

async function patchOne(ctx: Ctx, o: PatchOptions, info: Info, patch: string): Promise<void> {
  const type = (o.type || 'strategic').toLowerCase();
  if (!o.local && o.dryRun !== 'client') {
    const client = await ctx.factory.client();
    const r = info.mapping!;
    const path = objectPath(r, info.namespace || undefined, info.name, info.subresource)
      + writeQuery({ dryRun: o.dryRun === 'server', fieldManager: ctx.str('field-manager') });
    let patched: Obj;
    try {
      patched = await requestJson<Obj>(client, 'PATCH', path, { body: patch, contentType: PATCH_TYPES[type]! });
    } catch (err) {
      if (err instanceof ApiError && err.status.code === 415) {
        throw new Error(`${PATCH_TYPES[type]!} is not supported by ${r.group === '' ? '' : `${r.group}/`}${r.version}, Kind=${r.kind}: ${err.message}`);
      }
      throw err;
    }
    const op = deepEqual(info.object, patched) ? 'patched (no change)' : 'patched';
    ctx.io.stdout.write(await ObjectPrinter.from(ctx).print(patched, op));
    return;
  }
  const target = applyLocally(type, info.object!, patch);
  const op = deepEqual(info.object, target) ? 'patched (no change)' : 'patched';
  ctx.io.stdout.write(await ObjectPrinter.from(ctx).print(target, op));
}

export async function run(ctx: Ctx): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const { namespace, explicit } = await ctx.factory.namespace();
  const o: PatchOptions = { type: ctx.str('type'), patch: '', local: ctx.bool('local'), dryRun, namespace, enforceNamespace: explicit };
  validate(ctx, o);
  const patch = patchBytes(ctx);
  const result = await new Builder(builderEnv(ctx)).continueOnError().local(o.local).namespaceParam(namespace).defaultNamespace()
    .filenameParam(explicit, { filenames: ctx.list('filename'), recursive: ctx.bool('recursive'), kustomize: ctx.str('kustomize') })
    .subresource(ctx.str('subresource')).resourceTypeOrNameArgs(false, ...ctx.args).do();
  if (result.err) throw reportable(result.err);
  let count = 0;
  const err = await result.visit(async (info) => {
    count++;
    await patchOne(ctx, o, info, patch);
  });
  if (err) throw reportable(err);
  if (count === 0) throw new Error('no objects passed to patch');
  return 0;
}
