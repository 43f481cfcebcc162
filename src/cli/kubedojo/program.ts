// A fresh commander program per invocation (tests run many in one process). Commander parses
// and prints usage errors; each command's module is imported only when that command runs.
import { Command, Option } from 'commander';
import type { Io } from '../shared/io.js';
import { COMMANDS, type CommandSpec } from './commands/index.js';
import type { Context } from './context.js';

export const VERSION = '0.1.0';

const DESCRIPTION = 'Simulated Kubernetes clusters on this machine, for kubectl, etcdctl and crictl.';

function addCommand(program: Command, spec: CommandSpec, ctx: Context, setCode: (code: number) => void): void {
  const command = program.command(spec.name, { hidden: spec.hidden === true }).description(spec.summary);
  for (const o of spec.options) {
    const option = new Option(o.flags, o.description);
    if (o.default !== undefined) option.default(o.default);
    command.addOption(option);
  }
  command.action(async (raw: Record<string, unknown>) => {
    const mod = await spec.load();
    setCode(await mod.run(raw, ctx));
  });
}

export function buildProgram(io: Io, ctx: Context, setCode: (code: number) => void): Command {
  const program = new Command('kubedojo')
    .description(DESCRIPTION)
    .version(VERSION, '--version', 'print the version')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  // Subcommands inherit exitOverride and the output settings: they are set before they are added.
  for (const spec of COMMANDS) addCommand(program, spec, ctx, setCode);
  return program;
}
