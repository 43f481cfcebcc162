// cobra's checkIfFlagCompletion: is the word being completed a flag's value (`--flag=<TAB>`,
// `-f=<TAB>`, or the word after a `--flag`/`-f` that takes one)? Returns the flag, the arguments
// left to parse, and what remains to complete.
import type { FlagSpec } from '../../../shared/pflag.js';
import { findFlag, hasNoOptDef, type CompFlag } from './flags.js';

export interface FlagCheck {
  flag?: FlagSpec;
  finalArgs: string[];
  toComplete: string;
  error?: string;
  /** the error is cobra's flagCompError (an unknown flag name), ignored after `--` */
  compError?: boolean;
}

/** cobra's isFlagArg: `--x…` or `-x…`, but not `-` or `--` alone. */
function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

/** The flag name in `--name=…`/`-abc=…` (the last shorthand), or after a bare flag word. */
function nameBeforeValue(word: string): string {
  const eq = word.indexOf('=');
  const head = eq < 0 ? word : word.slice(0, eq);
  return head.startsWith('--') ? head.slice(2) : head.slice(-1);
}

export function checkIfFlagCompletion(flags: CompFlag[], cmdName: string, args: string[], lastArg: string): FlagCheck {
  let flagName = '';
  let trimmed = args;
  let toComplete = lastArg;
  const withEqual = lastArg.startsWith('-') && lastArg.includes('=');
  if (lastArg.startsWith('-')) {
    if (!withEqual) return { finalArgs: args, toComplete: lastArg };
    flagName = nameBeforeValue(lastArg);
    toComplete = lastArg.slice(lastArg.indexOf('=') + 1);
  } else {
    const prev = args[args.length - 1];
    if (prev !== undefined && isFlagArg(prev) && !prev.includes('=')) {
      flagName = nameBeforeValue(prev);
      trimmed = args.slice(0, -1);
    }
  }
  if (flagName === '') return { finalArgs: trimmed, toComplete };
  const flag = findFlag(flags, flagName);
  if (flag === undefined) {
    return { finalArgs: args, toComplete: lastArg, error: `Subcommand '${cmdName}' does not support flag '${flagName}'`, compError: true };
  }
  if (!withEqual && hasNoOptDef(flag)) return { finalArgs: args, toComplete };
  return { flag, finalArgs: trimmed, toComplete };
}
