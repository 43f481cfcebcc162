// A command's help text and flags, as data (specs/*.ts are generated from the real etcdctl).
export type { FlagSpec, FlagType } from '../../shared/pflag.js';
import type { FlagSpec } from '../../shared/pflag.js';

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
