// Member IDs on the command line are hex (uint64).
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { parseUint64, ParseError } from '../goparse.js';
import { newURLs } from '../../../../client/etcd-urls.js';

export function memberIdArg(ctx: CommandContext): string {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'member ID is not provided');
  try {
    return parseUint64(ctx.args[0]!, 16);
  } catch (err) {
    if (err instanceof ParseError) throw new ExitError(EXIT.badArgs, `bad member ID arg (${err.message}), expecting ID in Hex`);
    throw err;
  }
}

export function peerUrls(ctx: CommandContext): string[] {
  const urls = ctx.str('peer-urls');
  if (urls === '') throw new ExitError(EXIT.badArgs, 'member peer urls not provided');
  return urls.split(',');
}

/** clientv3 checks the URLs (types.NewURLs) once connected, before sending them: exit 1. */
export function checkPeerUrls(urls: string[]): void {
  try {
    newURLs(urls);
  } catch (err) {
    throw new ExitError(EXIT.error, (err as Error).message);
  }
}
