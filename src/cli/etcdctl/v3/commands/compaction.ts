// etcdctl compaction [options] <revision>
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { parseInt64, ParseError } from '../goparse.js';
import { withClient } from './dial.js';

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'compaction command needs 1 argument');
  let rev: string;
  try {
    rev = parseInt64(ctx.args[0]!, 10);
  } catch (err) {
    if (err instanceof ParseError) throw new ExitError(EXIT.error, err.message);
    throw err;
  }
  return withClient(ctx, async (c) => {
    await c.unary('KV', 'Compact', { revision: rev, physical: ctx.bool('physical') }).catch(failWith);
    ctx.out(`compacted revision ${rev}\n`);
    return EXIT.success;
  });
}
