// kubectl plugin list [--name-only]: PluginListOptions.Run — the plugins on stdout, each one's
// warnings on stderr below it, and the errors (none found, warnings counted) as one error.
import { basename } from 'node:path';
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { SPECS } from '../../specs/index.js';
import { buildTree } from '../../tree.js';
import { listPlugins, verifyPlugin } from './scan.js';

export async function run(ctx: Ctx): Promise<number> {
  const { plugins, skipped } = listPlugins(ctx.io.env.PATH ?? '');
  for (const line of skipped) ctx.io.stderr.write(line);
  const errors: string[] = [];
  if (plugins.length > 0) ctx.io.stdout.write('The following compatible plugins are available:\n\n');
  else errors.push('error: unable to find any kubectl plugins in your PATH');
  const root = buildTree(SPECS);
  const seen = new Map<string, string>();
  let warnings = 0;
  for (const path of plugins) {
    ctx.io.stdout.write(`${ctx.bool('name-only') ? basename(path) : path}\n`);
    for (const err of verifyPlugin(root, path, seen)) {
      ctx.io.stderr.write(`  - ${err}\n`);
      warnings++;
    }
  }
  if (warnings === 1) errors.push('error: one plugin warning was found');
  else if (warnings > 1) errors.push(`error: ${warnings} plugin warnings were found`);
  if (errors.length > 0) throw new PrintedError(errors.map((e) => `${e}\n`).join(''), 1);
  return 0;
}
