// urfave/cli v2's App.Run for crictl: global flags, -h/-v, the Before hook, then the command (its
// flags, help and subcommands) and its action; every error goes to the one sink in errors.ts.
import type { Io } from '../shared/io.js';
import { before, ConfigFatal } from './before.js';
import { loadAction } from './commands/index.js';
import { Connector } from './connect.js';
import { Ctx } from './context.js';
import { ExitCoder, reportError, UsageError } from './errors.js';
import { Logger } from './logrus.js';
import { resolveNodeRoot } from './node-root.js';
import { COMMANDS as COMMAND_SPECS } from './specs/index.js';
import { CRICTL_VERSION, GLOBAL_FLAGS, HELP_FLAG, VERSION_FLAG } from './specs/global.js';
import { appHelp, commandHelp, subcommandHelp } from './urfave/help.js';
import { FlagParseError, parseFlags, type ParsedFlags } from './urfave/parse.js';
import { commandNames, type CommandSpec } from './urfave/types.js';

const APP_FLAGS = [...GLOBAL_FLAGS, HELP_FLAG, VERSION_FLAG];

function findCommand(list: CommandSpec[], name: string): CommandSpec | undefined {
  return list.find((c) => commandNames(c).includes(name));
}

function isHelpWord(w: string | undefined): boolean {
  return w === 'help' || w === 'h';
}

interface Run {
  io: Io;
  log: Logger;
  global: ParsedFlags;
}

/** ShowCommandHelp(ctx, name) against a list of commands (the app's, or a command's subcommands). */
function showCommandHelp(run: Run, list: CommandSpec[], parentName: string, name: string): number {
  const cmd = findCommand(list, name);
  if (cmd === undefined) throw new ExitCoder(`No help topic for '${name}'`, 3);
  const helpName = `${parentName} ${cmd.name}`;
  const text = cmd.subcommands?.length ? subcommandHelp(helpName, cmd) : commandHelp(helpName, cmd);
  run.io.stdout.write(text);
  return 0;
}

function parseOrUsage(run: Run, cmd: CommandSpec, helpName: string, args: string[]): ParsedFlags {
  try {
    return parseFlags([...cmd.flags, HELP_FLAG], args, run.io.env, cmd.shortOptions === true);
  } catch (err) {
    if (!(err instanceof FlagParseError)) throw err;
    run.io.stdout.write(`Incorrect Usage: ${err.message}\n\n${subcommandHelp(helpName, cmd)}`);
    throw new UsageError(err.message);
  }
}

/** `help` as a subcommand of `cmd` (crictl logs help [x]). */
function helpOfCommand(run: Run, cmd: CommandSpec, helpName: string, args: string[]): number {
  const parsed = parseOrUsage(run, { ...HELP_SUBCOMMAND, flags: [] }, `${helpName} help`, args);
  const first = parsed.args[0];
  if (first !== undefined && first !== '') return showCommandHelp(run, [...(cmd.subcommands ?? []), HELP_SUBCOMMAND], helpName, first);
  const text = cmd.subcommands?.length ? subcommandHelp(helpName, cmd) : commandHelp(helpName, cmd);
  run.io.stdout.write(text);
  return 0;
}

const HELP_SUBCOMMAND: CommandSpec = { name: 'help', aliases: ['h'], usage: 'Shows a list of commands or help for one command', argsUsage: '[command]', flags: [] };

async function runCommand(run: Run, cmd: CommandSpec, helpName: string, args: string[], settingsRoot: SettingsRoot): Promise<number> {
  const parsed = parseOrUsage(run, cmd, helpName, args);
  if (parsed.values.get('help') === true) {
    const text = cmd.subcommands?.length ? subcommandHelp(helpName, cmd) : commandHelp(helpName, cmd);
    run.io.stdout.write(text);
    return 0;
  }
  const first = parsed.args[0];
  if (isHelpWord(first)) return helpOfCommand(run, cmd, helpName, parsed.args.slice(1));
  const sub = first === undefined ? undefined : findCommand(cmd.subcommands ?? [], first);
  if (sub) return runCommand(run, sub, `${helpName} ${sub.name}`, parsed.args.slice(1), settingsRoot);
  const action = await loadAction(helpName.split(' ').slice(1).join(' '));
  const ctx = new Ctx(run.io, run.log, cmd, helpName, parsed, run.global, settingsRoot.settings, settingsRoot.connector, settingsRoot.nodeRoot);
  return (await action(ctx)) ?? 0;
}

interface SettingsRoot {
  settings: Ctx['settings'];
  connector: Connector;
  nodeRoot: string;
}

async function runApp(run: Run, nodeRoot: string): Promise<number> {
  const { io, log, global } = run;
  if (global.values.get('help') === true) {
    const first = global.args[0];
    if (first !== undefined) return showCommandHelp(run, COMMAND_SPECS, 'crictl', first);
    io.stdout.write(appHelp(COMMAND_SPECS, APP_FLAGS));
    return 0;
  }
  if (global.values.get('version') === true) {
    io.stdout.write(`crictl version ${CRICTL_VERSION}\n`);
    return 0;
  }
  const settings = before(global, nodeRoot, log);
  const name = global.args[0];
  if (name === undefined) {
    io.stdout.write(appHelp(COMMAND_SPECS, APP_FLAGS));
    return 0;
  }
  if (isHelpWord(name)) {
    const helpArgs = parseOrUsage(run, HELP_SUBCOMMAND, 'crictl help', global.args.slice(1)).args;
    if (helpArgs[0] !== undefined) return showCommandHelp(run, COMMAND_SPECS, 'crictl', helpArgs[0]);
    io.stdout.write(appHelp(COMMAND_SPECS, APP_FLAGS));
    return 0;
  }
  const cmd = findCommand(COMMAND_SPECS, name);
  if (cmd === undefined) throw new ExitCoder(`No help topic for '${name}'`, 3);
  const connector = new Connector(settings, nodeRoot, log);
  try {
    return await runCommand(run, cmd, `crictl ${cmd.name}`, global.args.slice(1), { settings, connector, nodeRoot });
  } finally {
    connector.close();
  }
}

function isTty(stream: unknown): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

export async function runCrictl(argv: string[], io: Io): Promise<number> {
  const log = new Logger(io.stderr, isTty(io.stderr));
  let global: ParsedFlags;
  try {
    global = parseFlags(APP_FLAGS, argv, io.env, false);
  } catch (err) {
    if (!(err instanceof FlagParseError)) throw err;
    io.stdout.write(`Incorrect Usage: ${err.message}\n\n${appHelp(COMMAND_SPECS, APP_FLAGS)}`);
    return reportError(err, log, io.stderr);
  }
  try {
    return await runApp({ io, log, global }, resolveNodeRoot(io.env));
  } catch (err) {
    if (io.env.KUBEDOJO_DEBUG === '1' && err instanceof Error && !(err instanceof ConfigFatal)) io.stderr.write(`${err.stack ?? ''}\n`);
    return reportError(err, log, io.stderr);
  }
}
