// crictl completion [bash|zsh|fish]: the shell scripts cmd/crictl/completion.go prints.
import type { Ctx } from '../context.js';
import { COMMANDS } from '../specs/index.js';
import { GLOBAL_FLAGS, HELP_COMMAND, HELP_FLAG, VERSION_FLAG } from '../specs/global.js';
import { commandNames } from '../urfave/types.js';

const APP_COMMANDS = [...COMMANDS, HELP_COMMAND];
const APP_FLAGS = [...GLOBAL_FLAGS, HELP_FLAG, VERSION_FLAG];

function bash(): string {
  const words = [...APP_COMMANDS.flatMap(commandNames), ...APP_FLAGS.map((f) => `--${f.name}`)];
  return `_crictl() {
    local cur opts base
    COMPREPLY=()
    cur="\${COMP_WORDS[COMP_CWORD]}"
    opts="${words.join('\n')}"
    COMPREPLY=( $(compgen -W "\${opts}" -- \${cur}) )
    return 0
}

complete -F _crictl crictl
`;
}

function zsh(): string {
  const cmds = APP_COMMANDS.flatMap((c) => commandNames(c).map((n) => `${n}:${c.usage}`));
  const opts = APP_FLAGS.map((f) => `--${f.name}`);
  return `#compdef crictl

_crictl() {
  local -a cmds
  cmds=('${cmds.join("' '")}')
  _describe 'commands' cmds

  local -a opts
  opts=('${opts.join("' '")}')
  _describe 'global options' opts

  return
}

compdef _crictl crictl
`;
}

function fishQuote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** urfave's ToFishCompletion, reduced to the app's commands and global flags. */
function fish(): string {
  const lines = ['# crictl fish shell completion', '', "function __fish_crictl_no_subcommand --description 'Test if there has been any subcommand yet'"];
  lines.push('    for i in (commandline -opc)', `        if contains -- $i ${APP_COMMANDS.flatMap(commandNames).join(' ')}`, '            return 1', '        end', '    end', '    return 0', 'end', '');
  for (const f of APP_FLAGS) {
    const names = [f.name, ...(f.aliases ?? [])].map((n) => (n.length === 1 ? `-s ${n}` : `-l ${n}`)).join(' ');
    lines.push(`complete -c crictl -n '__fish_crictl_no_subcommand' ${names}${f.kind === 'bool' ? '' : ' -r'} -d ${fishQuote(f.usage)}`);
  }
  for (const c of APP_COMMANDS) {
    lines.push(`complete -c crictl -n '__fish_crictl_no_subcommand' -f -a '${commandNames(c).join(' ')}' -d ${fishQuote(c.usage)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

export async function completion(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length === 0) return void ctx.out(bash());
  if (ctx.args.length !== 1) return ctx.showHelp();
  const scripts: Record<string, () => string> = { bash, zsh, fish };
  const script = scripts[ctx.args[0]!];
  if (!script) throw new Error('only bash, zsh or fish are supported');
  ctx.out(script());
}
