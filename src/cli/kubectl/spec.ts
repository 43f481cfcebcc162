// kubectl's commands as data: names, aliases, flags and the exact --help text, generated from the
// real kubectl (scripts/gen-kubectl-specs.mjs writes specs/).
import type { FlagSpec } from '../shared/pflag.js';

export type { FlagSpec };

export interface KubectlSpec {
  /** words after `kubectl`; [] is the root */
  path: string[];
  /** other names, from the help's "Aliases:" section */
  aliases?: string[];
  /** exactly what `kubectl <path> --help` prints */
  help: string;
  /** the command's own flags (not the global ones) */
  flags: FlagSpec[];
  /** false for pure groups, which print their help when run */
  runnable: boolean;
}
