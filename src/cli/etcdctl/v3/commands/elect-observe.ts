// etcdctl elect -l <election-name>: concurrency.Election.Observe — print the current leader's
// key and value (as `get` does), then every new value of it, then the next leader's, until SIGINT.
import { failWith, type EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { KeyValue, RangeResponse, WatchResponse } from '../printers/types.js';
import { keyRange } from './kv-range.js';
import { watchEvents } from './watch-events.js';

const PUT = 0;

function show(ctx: CommandContext, c: EtcdClient, resp: RangeResponse): void {
  display(ctx, { kind: 'get', resp, rpc: ['KV', 'Range'] }, c.proto.def);
}

/** Waits for the first key put under the prefix (a delete would make the observer spin). */
function firstPut(c: EtcdClient, prefix: string, rev: string, stop: Promise<void>): Promise<RangeResponse | null> {
  return new Promise((resolve) => {
    const w = watchEvents(c, keyRange(prefix, undefined, true, false), rev, (r: WatchResponse) => {
      const ev = (r.events ?? []).find((e) => (e.type ?? PUT) === PUT);
      if (ev?.kv === undefined) return;
      w.cancel();
      resolve({ header: { ...r.header, revision: ev.kv.mod_revision }, kvs: [ev.kv] });
    });
    void w.ended.then(() => resolve(null));
    void stop.then(() => { w.cancel(); resolve(null); });
  });
}

/** Prints each update of the leader key; resolves when it is deleted (or on stop). */
function followLeader(ctx: CommandContext, c: EtcdClient, kv: KeyValue, rev: string, stop: Promise<void>): Promise<boolean> {
  return new Promise((resolve) => {
    const w = watchEvents(c, { key: Buffer.from(kv.key ?? Buffer.alloc(0)) }, String(BigInt(rev) + 1n), (r) => {
      for (const ev of r.events ?? []) {
        if ((ev.type ?? PUT) !== PUT) { w.cancel(); resolve(true); return; }
        show(ctx, c, { header: r.header, kvs: [ev.kv!] });
      }
    });
    void w.ended.then(() => resolve(false));
    void stop.then(() => { w.cancel(); resolve(false); });
  });
}

export async function observe(ctx: CommandContext, c: EtcdClient, name: string, stop: Promise<void>): Promise<number> {
  let stopped = false;
  void stop.then(() => { stopped = true; });
  const prefix = `${name}/`;
  const first = { ...keyRange(prefix, undefined, true, false), sort_target: 2, sort_order: 1, limit: 1 };
  for (;;) {
    const got = await c.unary<RangeResponse>('KV', 'Range', first, 2 ** 31 - 1).catch(failWith);
    const leader = got.kvs?.[0] !== undefined ? got : await firstPut(c, prefix, String(got.header?.revision ?? 0), stop);
    if (leader === null || stopped) break;
    show(ctx, c, leader);
    const deleted = await followLeader(ctx, c, leader.kvs![0]!, String(leader.header?.revision ?? 0), stop);
    if (!deleted) break;
  }
  if (stopped) return EXIT.success;
  throw new Error('elect: observer lost');
}
