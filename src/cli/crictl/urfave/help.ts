// urfave/cli v2.27's help templates (AppHelpTemplate, CommandHelpTemplate, SubcommandHelpTemplate)
// rendered for crictl, through Go's text/tabwriter (minwidth 1, tabwidth 8, padding 2, spaces).
import { tabwrite } from '../../../printers/tabwriter.js';
import { CRICTL_VERSION, HELP_COMMAND, HELP_FLAG } from '../specs/global.js';
import { commandNames, flagNames, type CommandSpec, type FlagSpec } from './types.js';

/** urfave's wrap with its 10000-column limit: only later lines of a multi-line text get indented. */
function wrap(text: string, offset: number): string {
  const pad = ' '.repeat(offset);
  return text
    .split('\n')
    .map((line, i) => (line === '' || i === 0 ? line : pad + line))
    .join('\n');
}

function defaultText(f: FlagSpec): string {
  if (f.noDefaultText) return '';
  switch (f.kind) {
    case 'bool':
      return 'false';
    case 'int':
    case 'int64':
      return String(typeof f.value === 'number' ? f.value : 0);
    case 'duration':
      return typeof f.value === 'string' ? f.value : '0s';
    case 'slice':
      return '';
    default:
      return typeof f.value === 'string' && f.value !== '' ? JSON.stringify(f.value) : '';
  }
}

/** urfave's stringifyFlag: "--name value, -n value\tusage (default: x) [$ENV]". */
export function flagString(f: FlagSpec): string {
  let usage = f.usage;
  let placeholder = '';
  const m = /`([^`]*)`/.exec(usage);
  if (m) {
    placeholder = m[1]!;
    usage = usage.replace(m[0], placeholder);
  }
  if (f.kind !== 'bool' && placeholder === '') placeholder = 'value';
  const def = defaultText(f);
  const usageWithDefault = (usage + (def === '' ? '' : ` (default: ${def})`)).trim();
  let names = flagNames(f)
    .map((n) => `${n.length === 1 ? '-' : '--'}${n}${placeholder ? ` ${placeholder}` : ''}`)
    .join(', ');
  if (f.kind === 'slice') names = `${names} [ ${names} ]`;
  const env = f.env && f.env.length > 0 ? ` [$${f.env.join(', $')}]` : '';
  return `${names}\t${usageWithDefault}${env}`;
}

function flagLines(flags: FlagSpec[]): string {
  return flags.map((f) => `\n   ${wrap(flagString(f), 6)}`).join('');
}

function commandLines(cmds: CommandSpec[]): string {
  const width = Math.max(0, ...cmds.map((c) => commandNames(c).join(', ').length)) + 5;
  return cmds
    .map((c) => {
      const names = commandNames(c).join(', ');
      return `\n   ${names}${' '.repeat(Math.max(0, width - (names.length + 3)))}${wrap(c.usage, width)}`;
    })
    .join('');
}

function nameLine(helpName: string, usage: string): string {
  return `NAME:\n   ${helpName}${usage ? ` - ${wrap(usage, helpName.length + 6)}` : ''}\n\n`;
}

function withHelpFlag(cmd: CommandSpec): FlagSpec[] {
  return [...cmd.flags, HELP_FLAG];
}

function render(text: string): string {
  return tabwrite(text, { minwidth: 1, tabwidth: 8, padding: 2, padchar: ' ' });
}

/** CommandHelpTemplate: `crictl logs -h`, `crictl help logs`. */
export function commandHelp(helpName: string, cmd: CommandSpec): string {
  const flags = withHelpFlag(cmd);
  let out = nameLine(helpName, cmd.usage);
  out += `USAGE:\n   ${cmd.usageText ? wrap(cmd.usageText, 3) : `${helpName} [command options]${cmd.argsUsage ? ` ${cmd.argsUsage}` : ''}`}`;
  if (cmd.description) out += `\n\nDESCRIPTION:\n   ${wrap(cmd.description, 3)}`;
  out += `\n\nOPTIONS:${flagLines(flags)}\n`;
  return render(out);
}

/** SubcommandHelpTemplate: what a command prints itself (ShowSubcommandHelp), and Incorrect Usage. */
export function subcommandHelp(helpName: string, cmd: CommandSpec): string {
  const flags = withHelpFlag(cmd);
  const subs = [...(cmd.subcommands ?? []), HELP_COMMAND];
  let out = nameLine(helpName, cmd.usage);
  out += `USAGE:\n   ${cmd.usageText ? wrap(cmd.usageText, 3) : `${helpName} command [command options]${cmd.argsUsage ? ` ${cmd.argsUsage}` : ''}`}`;
  if (cmd.description) out += `\n\nDESCRIPTION:\n   ${wrap(cmd.description, 3)}`;
  out += `\n\nCOMMANDS:${commandLines(subs)}`;
  out += `\n\nOPTIONS:${flagLines(flags)}\n`;
  return render(out);
}

/** AppHelpTemplate for crictl. */
export function appHelp(commands: CommandSpec[], globalFlags: FlagSpec[]): string {
  let out = nameLine('crictl', 'client for CRI');
  out += 'USAGE:\n   crictl [global options] command [command options]';
  out += `\n\nVERSION:\n   ${CRICTL_VERSION}`;
  out += `\n\nCOMMANDS:${commandLines([...commands, HELP_COMMAND])}`;
  out += `\n\nGLOBAL OPTIONS:${flagLines(globalFlags)}\n`;
  return render(out);
}
