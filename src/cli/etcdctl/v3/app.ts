// The API 3 program: cobra's flow (find the command, parse flags, help, run) and its one
// error sink, byte for byte.
import { ExitError } from '../../shared/exit.js';
import type { Io } from '../../shared/io.js';
import { COMMANDS } from './commands/index.js';
import { CommandContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { GoPanic } from './go-panic.js';
import { FlagError, parseFlags, type Parsed } from '../../shared/pflag.js';
import { renderHelp } from './help.js';
import { allFlags, buildTree, commandPath, findCommand, isRunnable, type CommandNode } from './tree.js';

function helpTopic(root: CommandNode, args: string[], io: Io): number {
  const found = findCommand(root, args);
  if (found.error !== undefined) {
    io.stderr.write(`Unknown help topic [${args.map((a) => `\`${a}\``).join(' ')}]\n`);
    io.stdout.write(renderHelp(root, { withHelpFlag: false }));
    return EXIT.success;
  }
  io.stdout.write(renderHelp(found.node));
  return EXIT.success;
}

async function runCommand(node: CommandNode, root: CommandNode, parsed: Parsed, io: Io): Promise<number> {
  const key = commandPath(node).split(' ').slice(1).join(' ');
  if (key === 'help') return helpTopic(root, parsed.args, io);
  const load = COMMANDS[key];
  if (load === undefined) {
    io.stderr.write(`Error: ${key} is not implemented by kubedojo's etcdctl yet\n`);
    return EXIT.error;
  }
  const mod = await load();
  return mod.run(new CommandContext(io, node, root, parsed));
}

function reportError(err: unknown, io: Io): number {
  if (err instanceof GoPanic) io.stderr.write(err.message);
  if (err instanceof ExitError) {
    if (!err.printed) io.stderr.write(`Error: ${err.message}\n`);
    return err.code;
  }
  if (io.env.KUBEDOJO_DEBUG === '1' && err instanceof Error) io.stderr.write(`${err.stack ?? ''}\n`);
  io.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.error;
}

export async function runV3(argv: string[], io: Io): Promise<number> {
  const root = buildTree();
  const found = findCommand(root, argv);
  if (found.error !== undefined) {
    io.stderr.write(`Error: ${found.error}\nRun 'etcdctl --help' for usage.\nError: ${found.error}\n`);
    return EXIT.error;
  }
  const node = found.node;
  let parsed: Parsed;
  try {
    parsed = parseFlags(allFlags(node, root), found.args);
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    // cobra: the error, the usage (stdout), then the error again, in that order on a terminal
    io.stderr.write(`Error: ${err.message}\n`);
    io.stdout.write(renderHelp(node));
    io.stderr.write(`\nError: ${err.message}\n`);
    return EXIT.error;
  }
  if (parsed.values.get('help') === true || !isRunnable(node)) {
    io.stdout.write(renderHelp(node));
    return EXIT.success;
  }
  try {
    return await runCommand(node, root, parsed, io);
  } catch (err) {
    return reportError(err, io);
  }
}
