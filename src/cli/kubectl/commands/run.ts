// kubectl run NAME --image=image [--env] [--port] [--labels] [--restart] [--expose]
// [--overrides] [--dry-run] [-o] -- [COMMAND] [args…]: the run-pod/v1 generator, then (even
// with --dry-run=client) a RESTMapping through discovery, then the create; with -i/-t/--attach
// the session on the pod (run/attach.ts) instead of printing it.
import type { Obj } from '../../../client/types.js';
import type { Ctx } from '../context.js';
import { checkDecodable, typedObject } from './create/go-typed.js';
import { withLastApplied } from './create/last-applied.js';
import { dryRunStrategy, printerFor, requireFlags, type CreateSetup } from './create/options.js';
import { renderObject } from './create/print.js';
import { postObject, printable } from './create/submit.js';
import { generateService } from './run/expose.js';
import { isValidImageReference } from './run/image-ref.js';
import { applyOverrides } from './run/overrides.js';
import { generatePod } from './run/pod.js';
import type { Created, RunAttach } from './run/attach.js';
import { parseCascade } from './delete/options.js';

const RESTART = ['Always', 'OnFailure', 'Never'];
const PULL = ['', 'Always', 'IfNotPresent', 'Never'];

interface RunFlags {
  attach: boolean;
  stdin: boolean;
  tty: boolean;
}

function validate(ctx: Ctx, f: RunFlags): void {
  // No ArgsLenAtDash check: RecordFlags.Complete re-parses os.Args (the word `run` included), so
  // kubectl's `ArgsLenAtDash == 0` test never holds and `run -- NAME` names the pod.
  if (ctx.args.length === 0) throw ctx.usageError('NAME is required for run');
  if (ctx.int('pod-running-timeout') <= 0) throw ctx.usageError('--pod-running-timeout must be higher than zero');
  const image = ctx.str('image');
  if (image === '') throw new Error('--image is required');
  if (!isValidImageReference(image)) throw new Error(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (f.tty && !f.stdin) throw ctx.usageError('-i/--stdin is required for containers with -t/--tty=true');
  if (ctx.bool('expose') && ctx.str('port') === '') throw ctx.usageError('--port must be set when exposing a service');
}

function checkPolicies(ctx: Ctx, f: RunFlags, dryRun: string): void {
  const restart = ctx.str('restart');
  if (restart !== '' && !RESTART.includes(restart)) throw ctx.usageError(`invalid restart policy: ${restart}`);
  if (!f.attach && ctx.bool('rm')) throw ctx.usageError('--rm should only be used for attached containers');
  if (f.attach && dryRun !== 'none') {
    throw ctx.usageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  }
  const pull = ctx.str('image-pull-policy');
  if (!PULL.includes(pull)) throw ctx.usageError(`invalid image pull policy: ${pull}`);
}

function pod(ctx: Ctx, f: RunFlags): Obj {
  if (ctx.args[0] === '') throw new Error('Parameter: name is required');
  return generatePod({
    name: ctx.args[0]!, image: ctx.str('image'), labels: ctx.str('labels'), annotations: ctx.list('annotations'),
    env: ctx.list('env'), args: ctx.args.slice(1), command: ctx.bool('command'), port: ctx.str('port'),
    restart: ctx.str('restart'), imagePullPolicy: ctx.str('image-pull-policy'), stdin: f.stdin,
    leaveStdinOpen: ctx.bool('leave-stdin-open'), tty: f.tty, privileged: ctx.bool('privileged'),
  });
}

/** createGeneratedObject: RESTMapping (discovery), overrides, then the create unless client dry-run. */
async function createGenerated(ctx: Ctx, s: CreateSetup, obj: Obj, overrides: boolean): Promise<Created> {
  const mapper = await ctx.factory.mapper(1);
  const kind = await mapper.lookup((m) => m.resources.find((r) => r.group === '' && r.version === 'v1' && r.kind === obj.kind));
  if (kind === undefined) throw new Error(`no matches for kind ${JSON.stringify(obj.kind)} in version "v1"`);
  let out = obj;
  if (overrides) {
    out = applyOverrides(typedObject(obj) ?? obj, ctx.str('overrides'), ctx.str('override-type')) as Obj;
    checkDecodable(out);
  }
  if (s.dryRun === 'client') return { mapping: kind, object: s.explicitNs ? { ...out, metadata: { ...out.metadata, namespace: s.namespace } } : out };
  out = withLastApplied(out, s.saveConfig);
  return { mapping: kind, object: await postObject(ctx, s, kind, out, { fieldValidation: false }) };
}

async function setup(ctx: Ctx): Promise<{ s: CreateSetup; f: RunFlags; cascade: string }> {
  const dryRun = dryRunStrategy(ctx);
  await ctx.factory.clientConfig();
  const stdin = ctx.bool('stdin');
  const f = { stdin, tty: ctx.bool('tty'), attach: ctx.changed('attach') ? ctx.bool('attach') : ctx.bool('attach') || stdin };
  const printer = printerFor(ctx, dryRun);
  const cascade = parseCascade(ctx);
  validate(ctx, f);
  const { namespace, explicit } = await ctx.factory.namespace();
  checkPolicies(ctx, f, dryRun);
  const s = { namespace, explicitNs: explicit, dryRun, printer, validation: '', fieldManager: ctx.str('field-manager'), saveConfig: ctx.bool('save-config') };
  return { s, f, cascade };
}

function attachOptions(ctx: Ctx, f: RunFlags, cascade: string): RunAttach {
  return {
    stdin: f.stdin, tty: f.tty, quiet: ctx.bool('quiet'), container: '', commandName: 'kubectl attach',
    timeoutMs: ctx.int('pod-running-timeout'), restartPolicy: ctx.str('restart'), leaveStdinOpen: ctx.bool('leave-stdin-open'),
    rm: ctx.bool('rm'), cascade,
  };
}

export async function run(ctx: Ctx): Promise<number> {
  requireFlags(ctx, ['image']);
  const { s, f, cascade } = await setup(ctx);
  const generated = pod(ctx, f);
  const attach = f.attach ? attachOptions(ctx, f, cascade) : undefined;
  const created = [await createGenerated(ctx, s, generated, true)];
  let serviceError: unknown;
  if (ctx.bool('expose')) {
    try {
      created.push(await createGenerated(ctx, s, generateService(ctx.args[0]!, ctx.str('labels'), ctx.str('port')), false));
    } catch (err) {
      serviceError = err;
    }
  }
  // The session's code (WebSockets, the terminal) loads only when run attaches.
  if (attach) return (await import('./run/attach.js')).attachToRun(ctx, created, attach);
  const out: string[] = [];
  let printed = 0;
  if (created[1]) {
    out.push(renderObject(s.printer, printable(created[1].object), printed++));
    if (s.printer.format?.kind === 'yaml') out.push('---\n');
  }
  out.push(renderObject(s.printer, printable(created[0]!.object), printed));
  ctx.io.stdout.write(out.join(''));
  if (serviceError !== undefined) throw serviceError;
  return 0;
}
