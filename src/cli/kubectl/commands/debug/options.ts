// DebugOptions and their Complete: the flags as kubectl's debug reads them (--env and --set-image
// are key=value maps), the targets and the command after `--`, the profile's applier and the
// custom profile, in the order upstream's Complete goes.
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { readCustomProfile } from './custom.js';
import type { EnvVar, Json } from './pod.js';
import { profileApplier, type KeepFlags, type ProfileApplier } from './profiles.js';

export interface DebugOptions {
  targetNames: string[];
  filenames: string[];
  args: string[];
  argsOnly: boolean;
  attach: boolean;
  attachChanged: boolean;
  container: string;
  copyTo: string;
  replace: boolean;
  env: EnvVar[];
  image: string;
  interactive: boolean;
  tty: boolean;
  keep: KeepFlags;
  namespace: string;
  explicitNamespace: boolean;
  pullPolicy: string;
  quiet: boolean;
  sameNode: boolean;
  setImages: Map<string, string>;
  shareProcesses: boolean;
  shareProcessesChanged: boolean;
  target: string;
  profile: string;
  customFile: string;
  custom?: Json;
  applier: ProfileApplier;
}

/** pflag's StringToString: every item `key=value` (later keys win), else the flag's parse error. */
function stringToString(ctx: Ctx, flag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of ctx.list(flag)) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      throw new PrintedError(`Error: invalid argument ${JSON.stringify(item)} for "--${flag}" flag: ${item} must be formatted as key=value\nSee '${ctx.commandPath} --help' for usage.\n`);
    }
    out.set(item.slice(0, eq), item.slice(eq + 1));
  }
  return out;
}

function keepFlags(ctx: Ctx): KeepFlags {
  return {
    labels: ctx.bool('keep-labels'), annotations: ctx.bool('keep-annotations'), liveness: ctx.bool('keep-liveness'),
    readiness: ctx.bool('keep-readiness'), startup: ctx.bool('keep-startup'), initContainers: ctx.bool('keep-init-containers'),
  };
}

/** The flags kubectl parses before Complete runs (their errors come first). */
export function parseMaps(ctx: Ctx): { env: EnvVar[]; setImages: Map<string, string> } {
  const env = [...stringToString(ctx, 'env')].map(([name, value]) => ({ name, value }));
  return { env, setImages: stringToString(ctx, 'set-image') };
}

function splitArgs(ctx: Ctx): { targetNames: string[]; args: string[] } {
  const dash = ctx.parsed.dashAt;
  if (dash >= 0 && ctx.args.length > dash) return { targetNames: ctx.args.slice(0, dash), args: ctx.args.slice(dash) };
  return { targetNames: ctx.args, args: [] };
}

/** Complete. */
export async function complete(ctx: Ctx): Promise<DebugOptions> {
  const maps = parseMaps(ctx);
  const interactive = ctx.bool('stdin');
  const { namespace, explicit } = await ctx.factory.namespace();
  const keep = keepFlags(ctx);
  const applier = profileApplier(ctx.str('profile'), keep);
  const customFile = ctx.str('custom');
  const custom = customFile === '' ? undefined : readCustomProfile(ctx, customFile);
  await ctx.factory.clientConfig();
  return {
    ...splitArgs(ctx), ...maps, filenames: ctx.list('filename'), argsOnly: ctx.bool('arguments-only'),
    attach: ctx.changed('attach') ? ctx.bool('attach') : ctx.bool('attach') || interactive, attachChanged: ctx.changed('attach'),
    container: ctx.str('container'), copyTo: ctx.str('copy-to'), replace: ctx.bool('replace'), image: ctx.str('image'),
    interactive, tty: ctx.bool('tty'), keep, namespace, explicitNamespace: explicit, pullPolicy: ctx.str('image-pull-policy'),
    quiet: ctx.bool('quiet'), sameNode: ctx.bool('same-node'), shareProcesses: ctx.bool('share-processes'),
    shareProcessesChanged: ctx.changed('share-processes'), target: ctx.str('target'), profile: ctx.str('profile'),
    customFile, ...(custom ? { custom } : {}), applier,
  };
}
