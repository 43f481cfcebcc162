// kubectl: cobra's flow (find the command, parse flags, help, required flags, run) and one error
// sink, as the real kubectl v1.32 behaves.
import { homedir } from 'node:os';
import { processIo, type Io } from '../shared/io.js';
import { FlagError, parseFlags, type Parsed } from '../shared/pflag.js';
import { withHome } from './commands/help.js';
import { COMMANDS } from './commands/index.js';
import { dispatchPlugin } from './commands/plugin/dispatch.js';
import { Ctx } from './context.js';
import { reportError } from './errors.js';
import { Factory } from './factory.js';
import { klog } from './klog.js';
import { GLOBAL_FLAGS, GROUP_RUN, HELP_STDERR, SPECS } from './specs/index.js';
import { allFlags, buildTree, commandPath, findCommand, stripFlags, unknownCommandError, type CommandNode } from './tree.js';

const PROFILES = ['none', 'cpu', 'heap', 'goroutine', 'threadcreate', 'block', 'mutex'];

function helpText(node: CommandNode, io: Io): string {
  // Only --cache-dir's default depends on the user; `${HOME}` elsewhere is literal help text.
  return withHome(node.spec.help, io.env.HOME || homedir());
}

function flagError(node: CommandNode, err: FlagError, io: Io): number {
  io.stderr.write(`Error: ${err.message}\nSee '${commandPath(node)} --help' for usage.\n`);
  return 1;
}

async function runNode(node: CommandNode, parsed: Parsed, io: Io): Promise<number> {
  const key = node.spec.path.join(' ');
  const load = COMMANDS[key];
  if (load === undefined) {
    io.stderr.write(`error: kubedojo's kubectl does not implement "${commandPath(node)}" yet\n`);
    return 1;
  }
  const factory = new Factory(io, parsed);
  try {
    const mod = await load();
    return await mod.run(new Ctx(io, node.spec, parsed, factory));
  } catch (err) {
    return reportError(err, io, factory.klog);
  } finally {
    factory.close();
  }
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // cobra's __complete/__completeNoDesc (DisableFlagParsing): the raw arguments go to the completer.
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
    const { runComplete } = await import('./commands/completion/complete.js');
    return runComplete(argv, io);
  }
  const root = buildTree(SPECS);
  const { node, args } = findCommand(root, argv, GLOBAL_FLAGS);
  const plugin = await dispatchPlugin(root, node, argv, args, io);
  if (plugin !== undefined) return plugin;
  const words = stripFlags(args, allFlags(node, GLOBAL_FLAGS));
  if (node === root && words.length > 0) {
    io.stderr.write(`Error: ${unknownCommandError(root, words[0]!)}\n`);
    return 1;
  }
  let parsed: Parsed;
  try {
    parsed = parseFlags(allFlags(node, GLOBAL_FLAGS), args);
  } catch (err) {
    if (err instanceof FlagError) return flagError(node, err, io);
    throw err;
  }
  const key = node.spec.path.join(' ');
  if (parsed.values.get('help') === true) {
    if (HELP_STDERR[key] !== undefined) io.stderr.write(HELP_STDERR[key]);
    else io.stdout.write(helpText(node, io));
    return 0;
  }
  // the root's PersistentPreRunE (initProfiling) checks --profile before any command runs; a
  // command's own --profile (debug's) shadows the global one, which then stays 'none'
  const profile = node.spec.flags.some((f) => f.name === 'profile') ? undefined : parsed.values.get('profile');
  if (typeof profile === 'string' && !PROFILES.includes(profile)) {
    klog(io.stderr, 'E', 'run.go:72', `"command failed" err="unknown profile '${profile}'"`);
    return 1;
  }
  const group = GROUP_RUN[key];
  if (!node.spec.runnable && group) {
    // DefaultSubCommandRun's RequireNoArguments: words no subcommand took are a usage error
    if (group.exit === 1 && words.length > 0) {
      io.stderr.write(`error: unknown command ${JSON.stringify(words.join(' '))}\nSee '${commandPath(node)} -h' for help and examples\n`);
      return 1;
    }
    // A group run bare prints its help (or a message) where the real one does, with its exit code.
    (group.stream === 'stdout' ? io.stdout : io.stderr).write(group.text ?? helpText(node, io));
    return group.exit;
  }
  return runNode(node, parsed, io);
}
