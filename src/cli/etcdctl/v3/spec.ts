// A command's help text and flags, as data (specs/*.ts are generated from the real etcdctl).
export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'stringSlice';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** the default as etcdctl prints it (durations `5s`, slices `[a,b]`) */
  def: string;
  usage: string;
}

export interface CommandSpec {
  /** words after `etcdctl` (empty for the root) */
  path: string[];
  short: string;
  /** the USAGE line */
  use: string;
  long?: string[];
  /** local flags (including -h/--help) */
  flags: FlagSpec[];
}
