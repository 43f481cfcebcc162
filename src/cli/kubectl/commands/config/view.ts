// kubectl config view: the merged kubeconfig (or, with --merge=false, the --kubeconfig file alone),
// minified to the current context on request, flattened or redacted, then printed.
import type { Ctx } from '../../context.js';
import { configAccess, goList } from './access-from-ctx.js';
import type { ConfigAccess } from './access.js';
import type { Config } from './model.js';
import { viewPrinter } from './view-output.js';
import { flatten, minify, redactAndShorten } from './view-transforms.js';

interface ViewOptions {
  merge: boolean;
  minify: boolean;
  flatten: boolean;
  raw: boolean;
  context: string;
}

function complete(ctx: Ctx): ViewOptions {
  if (ctx.args.length > 0) throw ctx.usageError(`unexpected arguments: ${goList(ctx.args)}`);
  return {
    // The flag's default counts as given (cliflag.Tristate.Default), so only --merge=false turns merging off.
    merge: ctx.changed('merge') ? ctx.bool('merge') : true,
    minify: ctx.bool('minify'),
    flatten: ctx.bool('flatten'),
    raw: ctx.bool('raw'),
    context: ctx.str('context'),
  };
}

async function load(access: ConfigAccess, o: ViewOptions): Promise<Config> {
  if (!o.merge && !access.isExplicit()) throw new Error('if merge==false a precise file must be specified');
  return o.merge ? access.startingConfig() : access.loadFromFile(access.explicitFile);
}

export async function run(ctx: Ctx): Promise<number> {
  const o = complete(ctx);
  const access = configAccess(ctx);
  const print = await viewPrinter(ctx, access.files);
  const cfg = await load(access, o);
  if (o.minify) {
    if (o.context !== '') cfg['current-context'] = o.context;
    minify(cfg);
  }
  if (o.flatten) await flatten(cfg, access.files);
  else if (!o.raw) redactAndShorten(cfg);
  ctx.io.stdout.write(print(cfg));
  return 0;
}
