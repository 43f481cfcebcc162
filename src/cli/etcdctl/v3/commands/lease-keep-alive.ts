// etcdctl lease keep-alive [options] <leaseID>: renews every TTL/3 s until the lease is gone.
import { ExitError } from '../../../shared/exit.js';
import type { EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { hex16 } from '../printers/format.js';
import { display } from '../printers/printer.js';
import type { LeaseKeepAliveResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { leaseFromArg } from './lease-id.js';

type Stream = NodeJS.ReadWriteStream & { write(o: object): boolean; end(): void };

function open(c: EtcdClient): Stream {
  const svc = c.service('Lease') as unknown as { LeaseKeepAlive(md: unknown): Stream };
  return svc.LeaseKeepAlive(c.metadata());
}

function next(stream: Stream): Promise<LeaseKeepAliveResponse | null> {
  return new Promise((resolve) => {
    const onData = (r: LeaseKeepAliveResponse) => { cleanup(); resolve(r); };
    const onEnd = () => { cleanup(); resolve(null); };
    const cleanup = () => { stream.off('data', onData); stream.off('end', onEnd); stream.off('error', onEnd); };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onEnd);
  });
}

async function keepAlive(ctx: CommandContext, c: EtcdClient, id: string, once: boolean): Promise<number> {
  const stream = open(c);
  for (;;) {
    stream.write({ ID: id });
    const resp = await next(stream);
    if (resp === null || Number(resp.TTL ?? 0) <= 0) {
      if (once) throw new ExitError(EXIT.badConnection, 'etcdserver: requested lease not found');
      if (ctx.globals().writeOut === 'simple') ctx.out(`lease ${hex16(id)} expired or revoked.\n`);
      return EXIT.success;
    }
    display(ctx, { kind: 'keepAlive', resp, rpc: ['Lease', 'LeaseKeepAlive'] }, c.proto.def);
    if (once) return EXIT.success;
    await new Promise((r) => setTimeout(r, (Number(resp.TTL) * 1000) / 3));
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'lease keep-alive command needs lease ID as argument');
  const id = leaseFromArg(ctx.args[0]!);
  return withClient(ctx, (c) => keepAlive(ctx, c, id, ctx.bool('once')));
}
