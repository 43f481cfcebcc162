// kubectl diff -f: for every object, the live version and the version apply would make (asked of
// the server with dry run) are written as YAML to LIVE-*/ and MERGED-*/ temporary directories
// (files `<group>.<version>.<Kind>.<namespace>.<name>`), then `diff -u -N` (or
// $KUBECTL_EXTERNAL_DIFF) compares them: exit 0 without differences, 1 with, 2 on errors.
import { withoutManagedFields } from '../output/objects.js';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, type Obj } from '../../../client/types.js';
import { toKubectlYaml } from '../../../printers/yaml.js';
import type { Ctx } from '../context.js';
import { PrintedError, reportError } from '../errors.js';
import { klog } from '../klog.js';
import { buildKustomization } from '../kustomize/build.js';
import { applyFieldManager, filenameOptions } from './apply/options.js';
import { OpenApiV3 } from './apply/openapi.js';
import { visitManifests } from './apply/objects/visit.js';
import { warnIfDeleting } from './apply/state.js';
import { maskSecrets } from './diff/masker.js';
import { mergedObject, type MergeSettings } from './diff/merged.js';
import { runDiff } from './diff/program.js';
import { goMkdirTemp } from './diff/temp.js';
import { pruneCandidates, type DiffTracker } from './diff/prune.js';
import { builderEnv } from './mutate/env.js';
import { retrieve, type Info } from './mutate/info.js';

const MAX_RETRIES = 4;

function fileName(info: Info): string {
  const m = info.mapping!;
  return `${m.group ? `${m.group}.` : ''}${m.version}.${m.kind}.${info.namespace}.${info.name}`;
}

const unlessShown = (o: Obj | undefined, show: boolean): Obj | undefined => (!o || show ? o : withoutManagedFields(o));

const yaml = (o: Obj | undefined | null): string => (o === null ? 'null\n' : o ? toKubectlYaml(o) : '');
const isConflict = (e: unknown): boolean => e instanceof ApiError && e.status.reason === 'Conflict';

async function liveObject(ctx: Ctx, info: Info): Promise<Obj | undefined> {
  const live: Info = { ...info };
  try {
    await retrieve(await ctx.factory.client(), live);
    return live.object;
  } catch (err) {
    if (err instanceof ApiError && err.status.reason === 'NotFound') return undefined;
    throw err;
  }
}

async function diffOne(ctx: Ctx, s: MergeSettings, dirs: { live: string; merged: string }, info: Info, tracker?: DiffTracker): Promise<void> {
  const local = structuredClone(info.object!);
  let live: Obj | undefined;
  for (let i = 1; i <= MAX_RETRIES; i++) {
    live = await liveObject(ctx, info);
    const force = i === MAX_RETRIES;
    if (force) klog(ctx.io.stderr, 'W', 'diff.go:723', `Object (${info.mapping!.group}/${info.mapping!.version}, Kind=${info.mapping!.kind}: ${info.name}) keeps changing, diffing without lock`);
    tracker?.markVisited(info, live);
    try {
      let from: Obj | undefined | null = unlessShown(live, ctx.bool('show-managed-fields'));
      let to: Obj | undefined | null = unlessShown(await mergedObject(s, info, local, live, force), ctx.bool('show-managed-fields'));
      if (to?.apiVersion === 'v1' && to.kind === 'Secret') ({ from, to } = maskSecrets(from ?? undefined, to));
      writeFileSync(join(dirs.live, fileName(info)), yaml(from), { mode: 0o700 });
      writeFileSync(join(dirs.merged, fileName(info)), yaml(to), { mode: 0o700 });
      break;
    } catch (err) {
      if (!isConflict(err) || force) throw err;
    }
  }
  warnIfDeleting(live, ctx.io);
}

/** CheckDiffErr: kubectl's error text, exit status one higher than usual. */
function diffError(ctx: Ctx, err: unknown): never {
  let text = '';
  const code = reportError(err, { ...ctx.io, stderr: { write: (c: string | Uint8Array) => { text += String(c); return true; } } });
  throw new PrintedError(text, code + 1);
}

export async function run(ctx: Ctx): Promise<number> {
  let dirs: { live: string; merged: string } | undefined;
  try {
    if (ctx.args.length !== 0) throw ctx.usageError(`Unexpected args: [${ctx.args.join(' ')}]`);
    const files = filenameOptions(ctx);
    const serverSide = ctx.bool('server-side');
    const forceConflicts = ctx.bool('force-conflicts');
    if (forceConflicts && !serverSide) throw new Error('--force-conflicts only works with --server-side');
    const client = await ctx.factory.client();
    const { namespace, explicit } = await ctx.factory.namespace();
    const prune = ctx.bool('prune') ? await import('./diff/prune.js').then((m) => m.newPruner(ctx)) : undefined;
    const s: MergeSettings = {
      client, openapi: serverSide ? undefined : new OpenApiV3(client), serverSide, forceConflicts,
      fieldManager: applyFieldManager(ctx, serverSide), errOut: ctx.io.stderr,
    };
    const tmp = ctx.io.env.TMPDIR || tmpdir();
    dirs = { live: goMkdirTemp(tmp, 'LIVE-'), merged: goMkdirTemp(tmp, 'MERGED-') };
    const d = dirs;
    const err = await visitManifests(builderEnv(ctx), {
      files, namespace, enforceNamespace: explicit, selector: ctx.str('selector'), validate: false, stopOnError: true,
      kustomize: (dir) => buildKustomization(dir, ctx.io),
    }, (info) => diffOne(ctx, s, d, info, prune?.tracker));
    if (prune) {
      for (const p of await pruneCandidates(ctx, prune, namespace !== '')) writeFileSync(join(d.live, p.name), yaml(p.obj), { mode: 0o700 });
    }
    if (err) throw err;
    return await runDiff(ctx.io, d.live, d.merged);
  } catch (err) {
    if (err instanceof PrintedError) throw err;
    return diffError(ctx, err);
  } finally {
    if (dirs) {
      rmSync(dirs.live, { recursive: true, force: true });
      rmSync(dirs.merged, { recursive: true, force: true });
    }
  }
}
