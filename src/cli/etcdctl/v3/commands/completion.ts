// etcdctl completion bash|zsh|fish|powershell [--no-descriptions]: cobra's completion scripts.
// The scripts call back `etcdctl __complete …` (or `__completeNoDesc`), see complete.ts.
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { renderHelp } from '../help.js';
import { BASH_1 } from '../completion/bash-1.js';
import { BASH_2 } from '../completion/bash-2.js';
import { FISH } from '../completion/fish.js';
import { POWERSHELL } from '../completion/powershell.js';
import { ZSH } from '../completion/zsh.js';

/** Each script's one request line, and how it reads without descriptions. */
const SCRIPTS: Record<string, { text: () => string; call: string }> = {
  bash: { text: () => BASH_1 + BASH_2, call: '${words[0]} __complete ' },
  zsh: { text: () => ZSH, call: '${words[1]} __complete ' },
  fish: { text: () => FISH, call: '$args[1] __complete ' },
  powershell: { text: () => POWERSHELL, call: '$Program __complete ' },
};

export function script(shell: string, descriptions: boolean): string {
  const s = SCRIPTS[shell];
  if (s === undefined) throw new Error(`no completion script for ${shell}`);
  const text = s.text();
  return descriptions ? text : text.replace(s.call, s.call.replace('__complete ', '__completeNoDesc '));
}

/** The shell subcommands take no arguments (cobra.NoArgs): help on stdout, the error twice. */
export async function run(ctx: CommandContext): Promise<number> {
  const first = ctx.args[0];
  if (first !== undefined) {
    const msg = `unknown command ${JSON.stringify(first)} for "etcdctl completion ${ctx.node.name}"`;
    ctx.out(renderHelp(ctx.node));
    ctx.err(`Error: ${msg}\n\nError: ${msg}\n`);
    return EXIT.error;
  }
  ctx.out(script(ctx.node.name, !ctx.bool('no-descriptions')));
  return EXIT.success;
}
