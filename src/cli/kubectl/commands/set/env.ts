// kubectl set env: KEY=VALUE / KEY- items, -e, `-` (stdin), --from=configmap/x|secret/x (with
// --keys and --prefix) applied to the selected containers (-c, wildcards) of pod templates;
// --overwrite=false refuses changed values; --list (and --resolve) prints instead of patching.
import type { Ctx } from '../../context.js';
import type { Info } from '../mutate/info.js';
import { aggregate, reportable } from '../mutate/aggregate.js';
import { dryRunStrategy } from '../mutate/dry-run.js';
import { list, rec, str, type Json } from '../workload/json-values.js';
import { calculatePatchAsync, type Patch } from '../workload/patches.js';
import { podSpecOf, selectContainers } from '../workload/pod-template.js';
import { TypedPrinter } from '../workload/print.js';
import { checkNoOverwrites, parseEnv, splitEnvironment, updateEnv } from './env-parse.js';
import { listContainerEnv, RefResolver } from './env-resolve.js';
import { sendPatches, setInfos } from './targets.js';
import { envFromSource } from './env-from.js';

interface EnvSetup {
  namespace: string;
  explicit: boolean;
  resources: string[];
  envArgs: string[];
  dryRun: ReturnType<typeof dryRunStrategy>;
  printer: TypedPrinter;
}

async function complete(ctx: Ctx): Promise<EnvSetup> {
  if (ctx.bool('all') && ctx.str('selector') !== '') throw new Error('cannot set --all and --selector at the same time');
  const split = splitEnvironment(ctx.args);
  if (split === undefined) throw new Error(`all resources must be specified before environment changes: ${ctx.args.join(' ')}`);
  const dryRun = dryRunStrategy(ctx);
  const printer = TypedPrinter.of(ctx, dryRun, 'env updated');
  const { namespace, explicit } = await ctx.factory.namespace();
  return { namespace, explicit, ...split, dryRun, printer };
}

function validate(ctx: Ctx, s: EnvSetup): void {
  if (ctx.bool('local') && s.dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (ctx.list('filename').length === 0 && s.resources.length < 1) throw new Error('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (ctx.bool('list') && ctx.str('output') !== '') throw new Error('--list and --output may not be specified together');
  if (ctx.list('keys').length > 0 && ctx.str('from') === '') throw new Error('when specifying --keys, a configmap or secret must be provided with --from');
}

interface Change {
  env: Json[];
  remove: string[];
  resolver: RefResolver | undefined;
}

/** The change to one object: its containers' env updated, listed with --list. */
async function changeObject(ctx: Ctx, obj: Json, c: Change): Promise<boolean> {
  const spec = podSpecOf(obj);
  const selector = ctx.str('containers');
  const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
  const kind = str(obj.kind);
  const name = str(rec(obj.metadata).name);
  if (containers.length === 0) {
    ctx.io.stderr.write(`Warning: ${kind}/${name} does not have any containers matching ${JSON.stringify(selector)}\n`);
    return true;
  }
  let unresolved = false;
  for (const container of containers) {
    const existing = list(container.env).map(rec);
    if (!ctx.bool('overwrite')) checkNoOverwrites(existing, c.env);
    container.env = updateEnv(existing, c.env, c.remove);
    if (ctx.bool('list')) {
      const header = `# ${kind} ${name}, container ${str(container.name)}`;
      if (await listContainerEnv(ctx.io, header, container, c.resolver, obj)) unresolved = true;
    }
  }
  if (unresolved) throw new Error('failed to retrieve valueFrom references');
  return true;
}

async function objectsFor(ctx: Ctx, s: EnvSetup): Promise<Info[]> {
  return setInfos(ctx, {
    namespace: s.namespace, explicit: s.explicit, resources: s.resources, local: ctx.bool('local'),
    all: ctx.bool('all'), selector: ctx.str('selector'),
  });
}

export async function run(ctx: Ctx): Promise<number> {
  const s = await complete(ctx);
  validate(ctx, s);
  const parsed = await parseEnv([...ctx.list('env'), ...s.envArgs], ctx.io);
  const env = ctx.str('from') === '' ? parsed.env : [...parsed.env, ...(await envFromSource(ctx, s))];
  const prefix = ctx.str('prefix');
  const named = prefix === '' ? env : env.map((e) => ({ ...e, name: `${prefix}${str(e.name)}` }));
  const infos = await objectsFor(ctx, s);
  const resolver = ctx.bool('resolve') ? new RefResolver(await ctx.factory.client(), s.namespace) : undefined;
  const patches: Patch[] = [];
  for (const info of infos) {
    const p = await calculatePatchAsync(info, (obj) => changeObject(ctx, obj, { env: named, remove: parsed.remove, resolver }));
    if (p) patches.push(p);
  }
  if (ctx.bool('list')) return 0;
  const errs: Error[] = [];
  const none = named.length === 0 && s.envArgs.length === 0;
  await sendPatches(ctx, patches, { dryRun: s.dryRun, local: ctx.bool('local'), printer: s.printer, failure: 'failed to patch env update to pod template: ', requireEnv: none }, errs);
  const all = aggregate(errs);
  if (all) throw reportable(all);
  return 0;
}
