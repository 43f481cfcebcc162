// cobra's subcommand candidates: the available children of a command (sorted by name, as
// Commands() returns them), each with its Short description, read from the parent's help text.
import type { CommandNode } from '../../tree.js';
import { pluginShort } from './plugins.js';

/** Shorts of commands that kubectl's help lists nowhere (filtered from the root's help). */
const UNLISTED: Record<string, string> = {
  help: 'Help about any command',
  options: 'Print the list of flags inherited by all commands',
};

const HEADER = /^[A-Z][\w ()]*Commands[\w ()]*:$/;

function shorts(node: CommandNode): Map<string, string> {
  const map = new Map<string, string>();
  const lines = node.spec.help.split('\n');
  lines.forEach((line, i) => {
    if (!HEADER.test(line)) return;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('  '); j++) {
      const m = /^ {2}(\S+)\s+(.*)$/.exec(lines[j]!);
      if (m !== null) map.set(m[1]!, m[2]!);
    }
  });
  return map;
}

/** IsAvailableCommand: runnable, or a group with an available child (kubectl hides no command). */
export function isAvailable(node: CommandNode): boolean {
  return node.spec.runnable || node.children.some(isAvailable);
}

export function availableChildren(node: CommandNode): CommandNode[] {
  return node.children.filter(isAvailable).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `name\tshort` for each available child whose name starts with toComplete. */
export function subcommandCompletions(node: CommandNode, toComplete: string): string[] {
  const map = shorts(node);
  return availableChildren(node)
    .filter((c) => c.name.startsWith(toComplete))
    .map((c) => `${c.name}\t${map.get(c.name) ?? pluginShort(c) ?? UNLISTED[c.name] ?? ''}`);
}
