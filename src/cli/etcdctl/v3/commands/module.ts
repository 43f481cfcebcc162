// The contract of a command module: run with a context, return the exit code (or throw an
// ExitError for the error sink).
import type { CommandContext } from '../context.js';

export interface CommandModule {
  run(ctx: CommandContext): Promise<number>;
}
