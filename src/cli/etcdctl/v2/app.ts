// The API 2 program: urfave/cli's flow (global flags, command lookup without prefix matching,
// command flags after reorderArgs, help) and its error texts.
import { ExitError } from '../../shared/exit.js';
import type { Io } from '../../shared/io.js';
import { V2_COMMANDS } from './commands/index.js';
import { V2Context } from './context.js';
import { GoFlagError, HelpRequested, parseGoFlags, reorderArgs, type GoParsed } from './goflags.js';
import type { V2CommandSpec } from './spec.js';
import { V2_SPECS } from './specs.js';

const byPath = (path: string[]) => V2_SPECS.find((s) => s.path.join(' ') === path.join(' '));

function noTopic(io: Io, name: string): number {
  io.stderr.write(`No help topic for '${name}'\n`);
  return 3;
}

/** CommandHelpTemplate of a command group: it has no flags of its own, so no OPTIONS either. */
function groupCommandHelp(spec: V2CommandSpec): string {
  const name = /^NAME:\n.*\n/.exec(spec.help)![0];
  return `${name}\nUSAGE:\n   etcdctl ${spec.path.join(' ')} [arguments...]\n`;
}

/** A group's own `help` shows the group's app (AppHelpTemplate): global options, version. */
function groupAppHelp(spec: V2CommandSpec): string {
  return spec.help
    .replace(/^(USAGE:\n   etcdctl \S+) command/m, '$1 [global options] command')
    .replace(/(\[arguments\.\.\.\]\n)/, '$1\nVERSION:\n   3.4.23\n')
    .replace(/\nOPTIONS:\n([\s\S]*?)   \n$/, '\nGLOBAL OPTIONS:\n$1');
}

function helpCommand(io: Io, parent: string[], topic: string | undefined): number {
  if (topic === undefined) { io.stdout.write(parent.length === 0 ? byPath(parent)!.help : groupAppHelp(byPath(parent)!)); return 0; }
  const spec = byPath([...parent, topic]);
  if (spec === undefined) return noTopic(io, topic);
  io.stdout.write(spec.commands.length > 0 ? groupCommandHelp(spec) : spec.help);
  return 0;
}

async function runLeaf(spec: V2CommandSpec, args: string[], globals: GoParsed, io: Io): Promise<number> {
  let parsed: GoParsed;
  try {
    parsed = parseGoFlags(spec.flags, reorderArgs(spec.flags, args));
  } catch (err) {
    if (err instanceof HelpRequested) { io.stdout.write(spec.help); return 0; }
    if (!(err instanceof GoFlagError)) throw err;
    io.stdout.write(`Incorrect Usage: ${err.message}\n\n${spec.help}`);
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
  if (parsed.values.get('help') === true) { io.stdout.write(spec.help); return 0; }
  const load = V2_COMMANDS[spec.path.join(' ')];
  if (load === undefined) { io.stderr.write(`Error:  ${spec.path.join(' ')} is not implemented by kubedojo's etcdctl yet\n`); return 1; }
  const mod = await load();
  return mod.run(new V2Context(io, spec, globals, parsed, args));
}

async function runCommand(parent: string[], args: string[], globals: GoParsed, io: Io): Promise<number> {
  const name = args[0]!;
  if (name === 'help' || name === 'h') return helpCommand(io, parent, args[1]);
  const spec = byPath([...parent, name]);
  if (spec === undefined) return noTopic(io, name);
  if (spec.commands.length === 0) return runLeaf(spec, args.slice(1), globals, io);
  const next = args[1];
  if (next === undefined || next.startsWith('-')) { io.stdout.write(spec.help); return 0; }
  return runCommand(spec.path, args.slice(1), globals, io);
}

function report(err: unknown, io: Io): number {
  if (err instanceof ExitError) {
    if (!err.printed) io.stderr.write(`${err.message}\n`);
    return err.code;
  }
  io.stderr.write(`Error:  ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

export async function runV2(argv: string[], io: Io): Promise<number> {
  const root = byPath([])!;
  let globals: GoParsed;
  try {
    globals = parseGoFlags(root.flags, argv);
  } catch (err) {
    if (err instanceof HelpRequested) { io.stdout.write(root.help); return 0; }
    if (!(err instanceof GoFlagError)) throw err;
    io.stdout.write(`Incorrect Usage. ${err.message}\n\n${root.help}`);
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
  if (globals.values.get('version') === true) { io.stdout.write('etcdctl version: 3.4.23\nAPI version: 2\n'); return 0; }
  if (globals.values.get('help') === true || globals.args.length === 0) { io.stdout.write(root.help); return 0; }
  try {
    return await runCommand([], globals.args, globals, io);
  } catch (err) {
    return report(err, io);
  }
}
