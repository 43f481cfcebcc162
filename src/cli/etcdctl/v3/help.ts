// etcdctl's help layout (its own cobra usage template), aligned with Go's tabwriter.
import { tabwrite } from '../../shared/tabwriter.js';
import type { FlagSpec } from './spec.js';
import { commandPath, globalFlags, isRunnable, type CommandNode } from './tree.js';
import { goQuote } from '../../../printers/go-quote.js';

export const ETCDCTL_VERSION = '3.4.23';
export const API_VERSION = '3.4';

export function flagLines(flags: FlagSpec[]): string {
  return flags.map((f) => {
    const lead = f.short !== undefined ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const value = f.type === 'bool' ? `[=${f.def}]` : f.type === 'string' ? `=${goQuote(f.def)}` : `=${f.def}`;
    return `${lead}${value}\t${f.usage}\n`;
  }).join('');
}

function leaves(node: CommandNode, prefix: string[]): Array<[string, string]> {
  return node.children.flatMap((c) => {
    const path = [...prefix, c.name];
    const mine: Array<[string, string]> = isRunnable(c) ? [[path.join(' '), c.spec.short]] : [];
    return [...mine, ...leaves(c, path)];
  });
}

function section(title: string, body: string): string {
  return `${title}:\n${body}\n`;
}

export interface HelpOptions {
  /** cobra adds -h/--help only once a command is executed (not for `help nosuch`) */
  withHelpFlag: boolean;
}

export function renderHelp(node: CommandNode, o: HelpOptions = { withHelpFlag: true }): string {
  const isRoot = node.parent === null;
  const name = isRoot ? node.name : node.spec.path.join(' ');
  let text = section('NAME', `\t${name} - ${node.spec.short}\n`);
  text += section('USAGE', `\t${node.spec.use}\n`);
  if (isRoot) text += section('VERSION', `\t${ETCDCTL_VERSION}\n`);
  if (node.children.length > 0) {
    text += `${section('API VERSION', `\t${API_VERSION}\n`)}\n`;
    const rows = leaves(node, []).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    text += section('COMMANDS', rows.map(([path, short]) => `\t${path}\t${short}\n`).join(''));
  }
  if (node.spec.long !== undefined) text += section('DESCRIPTION', node.spec.long.map((l) => `\t${l}\n`).join(''));
  const local = node.spec.flags.filter((f) => o.withHelpFlag || f.name !== 'help');
  if (local.length > 0) text += section('OPTIONS', flagLines(local));
  if (!isRoot) text += section('GLOBAL OPTIONS', flagLines(globalFlags(node)));
  return tabwrite(text, { minwidth: 1, tabwidth: 8, padding: 1, padchar: '\t' });
}

export { commandPath };
