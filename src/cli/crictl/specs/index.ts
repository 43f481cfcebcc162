// The command table as crictl's main() leaves it: commands by name, each command's flags sorted
// with urfave's FlagsByName (subcommands keep their declared order).
import { COMMANDS_A_I } from './commands-a-i.js';
import { COMMANDS_L_V } from './commands-l-v.js';
import type { CommandSpec } from '../urfave/types.js';

/** urfave's lexicographicLess: case-insensitive first, then by code point. */
export function lexicographicLess(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const lx = x[i]!.toLowerCase();
    const ly = y[i]!.toLowerCase();
    if (lx !== ly) return lx < ly;
    if (x[i] !== y[i]) return x[i]! < y[i]!;
  }
  return a < b;
}

function sortFlags(cmd: CommandSpec): CommandSpec {
  const flags = [...cmd.flags].sort((p, q) => (lexicographicLess(p.name, q.name) ? -1 : lexicographicLess(q.name, p.name) ? 1 : 0));
  return { ...cmd, flags };
}

export const COMMANDS: CommandSpec[] = [...COMMANDS_A_I, ...COMMANDS_L_V].map(sortFlags).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
