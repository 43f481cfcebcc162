// cobra's getCompletions (completions.go v1.8.1): find the command, decide between flag-name,
// flag-value and argument completion, then call kubectl's completion function for it.
import { FlagError, parseFlags, type FlagSpec, type Parsed } from '../../../shared/pflag.js';
import type { Io } from '../../../shared/io.js';
import { GLOBAL_FLAGS } from '../../specs/index.js';
import { allFlags, findCommand, stripFlags, type CommandNode } from '../../tree.js';
import { Directive } from './directive.js';
import { flagNameCompletions, localFlagSet, requiredFlagCompletions, shadowingFlags, visitFlags } from './flags.js';
import { evaluate, type Result } from './functions.js';
import { checkIfFlagCompletion } from './flag-value.js';
import { ARGS_FUNCTIONS, VALID_ARGS, filenameExtensions, flagFunction, type CompFn } from './registry.js';
import { completePlugin } from './plugin-complete.js';
import { isPluginNode } from './plugins.js';
import { availableChildren, subcommandCompletions } from './subcommands.js';

export interface Outcome extends Result {
  error?: string;
  /** the command completed for ('' at the root or when none was found) */
  path?: string;
}

const fail = (error: string): Outcome => ({ comps: [], directive: Directive.Default, error });
const goList = (args: string[]): string => `[${args.join(' ')}]`;

function parse(node: CommandNode, args: string[]): Parsed {
  return parseFlags(allFlags(node, GLOBAL_FLAGS), args);
}

function argCount(node: CommandNode, args: string[]): number {
  try {
    return parse(node, args).args.length;
  } catch {
    return 0;
  }
}

/** Subcommands, required flags and ValidArgs for an argument position (no flag value). */
function nounCompletions(node: CommandNode, parsed: Parsed, toComplete: string): Outcome & { final: boolean } {
  const comps: string[] = [];
  let directive: number = Directive.Default;
  if (parsed.args.length === 0 && !localFlagSet(node, parsed.changed)) {
    comps.push(...subcommandCompletions(node, toComplete));
    if (availableChildren(node).length > 0) directive = Directive.NoFileComp;
  }
  comps.push(...requiredFlagCompletions(node, parsed.changed, toComplete));
  const valid = VALID_ARGS[node.spec.path.join(' ')];
  if (valid === undefined) return { comps, directive, final: false };
  if (parsed.args.length === 0) {
    comps.push(...valid.filter((v) => v.startsWith(toComplete)));
    directive = Directive.NoFileComp;
  }
  return { comps, directive, final: true };
}

async function callFunction(fn: CompFn, node: CommandNode, root: CommandNode, parsed: Parsed, toComplete: string, io: Io): Promise<Result> {
  const shadowed = shadowingFlags(node);
  const findNode = (args: string[]): CommandNode | undefined => {
    const found = findCommand(root, args, GLOBAL_FLAGS);
    return found.node === root && stripFlags(found.args, allFlags(root, GLOBAL_FLAGS)).length > 0 ? undefined : found.node;
  };
  return evaluate(fn, { env: { io, parsed, shadowed }, node, args: parsed.args, toComplete, subcommands: subcommandCompletions, findNode });
}

export async function getCompletions(root: CommandNode, args: string[], io: Io): Promise<Outcome> {
  const trimmed = args.slice(0, -1);
  const found = findCommand(root, trimmed, GLOBAL_FLAGS);
  const node = found.node;
  if (node === root && stripFlags(found.args, allFlags(root, GLOBAL_FLAGS)).length > 0) return fail(`unable to find a command for arguments: ${goList(trimmed)}`);
  const lastArg = args[args.length - 1]!;
  const result = isPluginNode(node) ? await completePlugin(node, found.args, lastArg, io) : await complete(root, node, found.args, lastArg, io);
  return { ...result, path: node.spec.path.join(' ') };
}

async function complete(root: CommandNode, node: CommandNode, foundArgs: string[], lastArg: string, io: Io): Promise<Outcome> {
  const check = checkIfFlagCompletion(visitFlags(node), node.name, foundArgs, lastArg);
  const { finalArgs, toComplete } = check;
  const flagCompletion = !(argCount(node, [...finalArgs, '--']) > argCount(node, finalArgs));
  let parsed: Parsed;
  try {
    parsed = parse(node, finalArgs);
  } catch (err) {
    if (err instanceof FlagError) return fail(`Error while parsing flags from args ${goList(finalArgs)}: ${err.message}`);
    throw err;
  }
  if (check.error !== undefined && !(check.compError && !flagCompletion)) return fail(check.error);
  if (parsed.changed.has('help')) return { comps: [], directive: Directive.NoFileComp };
  const flag: FlagSpec | undefined = flagCompletion ? check.flag : undefined;
  const exts = flag === undefined ? undefined : filenameExtensions(flag.name);
  if (exts !== undefined) return { comps: exts, directive: Directive.FilterFileExt };
  if (check.flag === undefined && toComplete.startsWith('-') && !toComplete.includes('=') && flagCompletion) {
    const required = requiredFlagCompletions(node, parsed.changed, toComplete);
    const comps = required.length > 0 ? required : flagNameCompletions(node, parsed.changed, toComplete);
    return { comps, directive: comps.length === 1 && comps[0]!.endsWith('=') ? Directive.NoSpace : Directive.NoFileComp };
  }
  let out: Outcome = { comps: [], directive: Directive.Default };
  if (check.flag === undefined) {
    const noun = nounCompletions(node, parsed, toComplete);
    if (noun.final) return { comps: noun.comps, directive: noun.directive };
    out = noun;
  }
  const path = node.spec.path.join(' ');
  const own = flag !== undefined && node.parent !== null && node.spec.flags.some((f) => f.name === flag.name);
  const fn = flag !== undefined ? flagFunction(path, flag.name, own) : ARGS_FUNCTIONS[path];
  if (fn === undefined) return { comps: out.comps, directive: out.directive };
  const r = await callFunction(fn, node, root, parsed, toComplete, io);
  return { comps: [...out.comps, ...r.comps], directive: r.directive };
}
