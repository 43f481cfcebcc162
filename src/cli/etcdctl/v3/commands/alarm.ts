// etcdctl alarm list / disarm
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import { withClient } from './dial.js';

interface AlarmResponse { header?: object; alarms?: Array<{ memberID?: string; alarm?: number }> }

export async function list(ctx: CommandContext): Promise<number> {
  return withClient(ctx, async (c) => {
    const resp = await c.unary<AlarmResponse>('Maintenance', 'Alarm', { action: 0 }).catch(failWith);
    display(ctx, { kind: 'alarm', resp, rpc: ['Maintenance', 'Alarm'] }, c.proto.def);
    return EXIT.success;
  });
}

export async function disarm(ctx: CommandContext): Promise<number> {
  return withClient(ctx, async (c) => {
    const current = await c.unary<AlarmResponse>('Maintenance', 'Alarm', { action: 0 }).catch(failWith);
    let resp: AlarmResponse = { header: current.header };
    for (const a of current.alarms ?? []) {
      resp = await c.unary<AlarmResponse>('Maintenance', 'Alarm', { action: 2, memberID: a.memberID, alarm: a.alarm }).catch(failWith);
    }
    display(ctx, { kind: 'alarm', resp, rpc: ['Maintenance', 'Alarm'] }, c.proto.def);
    return EXIT.success;
  });
}
