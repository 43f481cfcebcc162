// etcdctl move-leader <transferee-member-id>
import { dial } from '../client/dial.js';
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { parseUint64, ParseError } from '../goparse.js';
import { checkFormat, display } from '../printers/printer.js';
import type { StatusResponse } from '../printers/types.js';

function target(ctx: CommandContext): string {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'move-leader command needs 1 argument');
  try {
    return parseUint64(ctx.args[0]!, 16);
  } catch (err) {
    if (err instanceof ParseError) throw new ExitError(EXIT.badArgs, err.message);
    throw err;
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  const to = target(ctx);
  checkFormat(ctx);
  for (const ep of ctx.globals().endpoints) {
    const c = await dial(ctx, { endpoints: [ep] });
    try {
      const st = await c.unary<StatusResponse>('Maintenance', 'Status', {}).catch(failWith);
      if (String(st.header?.member_id) !== String(st.leader)) continue;
      const resp = await c.unary<{ header?: object }>('Maintenance', 'MoveLeader', { targetID: to }).catch(failWith);
      display(ctx, { kind: 'moveLeader', from: String(st.leader), to, resp, rpc: ['Maintenance', 'MoveLeader'] }, c.proto.def);
      return EXIT.success;
    } finally {
      c.close();
    }
  }
  throw new ExitError(EXIT.badArgs, `no leader endpoint given at [${ctx.globals().endpoints.join(' ')}]`);
}
