// Lease IDs on the command line are hex.
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import { parseInt64, ParseError } from '../goparse.js';

export function leaseFromArg(arg: string): string {
  try {
    return parseInt64(arg, 16);
  } catch (err) {
    if (err instanceof ParseError) throw new ExitError(EXIT.badArgs, `bad lease ID arg (${err.message}), expecting ID in Hex`);
    throw err;
  }
}
