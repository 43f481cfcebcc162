// kubectl help [command…]: the command's --help text; an unknown topic gets cobra's complaint on
// stderr and the root's usage, exit 0.
import { homedir } from 'node:os';
import type { Ctx } from '../context.js';
import { GLOBAL_FLAGS, HOME_PLACEHOLDER, SPECS } from '../specs/index.js';
import { buildTree, findCommand } from '../tree.js';

export function withHome(help: string, home: string): string {
  return help.replaceAll(HOME_PLACEHOLDER, home);
}

export async function run(ctx: Ctx): Promise<number> {
  const root = buildTree(SPECS);
  const home = ctx.io.env.HOME || homedir();
  const { node, args } = findCommand(root, ctx.args, GLOBAL_FLAGS);
  if (args.length > 0) {
    const usage = root.spec.help.slice(root.spec.help.indexOf('Basic Commands'));
    ctx.io.stderr.write(`Unknown help topic [${ctx.args.map((a) => `\`${a}\``).join(' ')}]\n\n\n${withHome(usage, home)}`);
    return 0;
  }
  ctx.io.stdout.write(withHome(node.spec.help, home));
  return 0;
}
