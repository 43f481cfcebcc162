// The shapes of urfave/cli v2 commands and flags as crictl declares them (data, not code).

export type FlagKind = 'bool' | 'string' | 'int' | 'int64' | 'duration' | 'slice';

export interface FlagSpec {
  kind: FlagKind;
  name: string;
  aliases?: string[];
  usage: string;
  /** The default (cli.XFlag Value); durations in Go's text form, e.g. "2s". */
  value?: string | number;
  env?: string[];
  /** Printed without "(default: …)" (urfave's DisableDefaultText), as for --help/--version. */
  noDefaultText?: boolean;
}

export interface CommandSpec {
  name: string;
  aliases?: string[];
  usage: string;
  argsUsage?: string;
  /** Replaces the generated usage line (cli.Command UsageText). */
  usageText?: string;
  description?: string;
  shortOptions?: boolean;
  flags: FlagSpec[];
  subcommands?: CommandSpec[];
}

/** A flag's value after parsing: strings, numbers (int kinds, durations in ms), booleans, slices. */
export type FlagValue = string | number | boolean | string[];

export function flagNames(f: FlagSpec): string[] {
  return [f.name, ...(f.aliases ?? [])];
}

export function commandNames(c: CommandSpec): string[] {
  return [c.name, ...(c.aliases ?? [])];
}
