// etcdctl make-mirror [options] <destination>: copies --prefix (at one revision, 1000 keys a
// page) to the destination cluster, then follows a watch from the next revision, one txn per
// revision. Every 30 s it prints how many keys it has mirrored; it runs until killed.
import { ExitError } from '../../../shared/exit.js';
import { failWith, type EtcdClient } from '../client/client.js';
import { dial } from '../client/dial.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { RangeResponse, WatchResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { keyRange } from './kv-range.js';
import { watchEvents } from './watch-events.js';

/** context.TODO(): make-mirror's requests have no deadline. */
const NO_DEADLINE = 2 ** 31 - 1;
const BATCH = 1000;

interface Mirror { src: EtcdClient; dst: EtcdClient; prefix: string; dest: string; total: number }

const rename = (m: Mirror, key: Buffer): Buffer => {
  const k = key.toString('latin1');
  const at = m.prefix === '' ? 0 : k.indexOf(m.prefix);
  return at < 0 ? key : Buffer.from(k.slice(0, at) + m.dest + k.slice(at + m.prefix.length), 'latin1');
};

async function syncBase(m: Mirror, rev: string): Promise<void> {
  let key = m.prefix === '' ? Buffer.from([0]) : Buffer.from(m.prefix);
  const end = m.prefix === '' ? Buffer.from([0]) : keyRange(m.prefix, undefined, true, false).range_end!;
  for (;;) {
    const r = await m.src.unary<RangeResponse>('KV', 'Range', { key, range_end: end, limit: BATCH, revision: rev }, NO_DEADLINE).catch(failWith);
    for (const kv of r.kvs ?? []) {
      await m.dst.unary('KV', 'Put', { key: rename(m, kv.key!), value: kv.value }, NO_DEADLINE).catch(failWith);
      m.total++;
    }
    const last = r.kvs?.[r.kvs.length - 1];
    if (r.more !== true || last === undefined) return;
    key = Buffer.concat([last.key!, Buffer.from([0])]);
  }
}

/** One txn per revision of the watch response, as the real one batches them. */
async function apply(m: Mirror, r: WatchResponse): Promise<void> {
  if (String(r.compact_revision ?? '0') !== '0') throw new ExitError(EXIT.error, 'etcdserver: mvcc: required revision has been compacted');
  let ops: object[] = [];
  let lastRev = '';
  for (const ev of r.events ?? []) {
    const rev = String(ev.kv?.mod_revision ?? '0');
    if (lastRev !== '' && rev !== lastRev) { await m.dst.unary('KV', 'Txn', { success: ops }, NO_DEADLINE).catch(failWith); ops = []; }
    lastRev = rev;
    const key = rename(m, ev.kv!.key!);
    ops.push((ev.type ?? 0) === 0 ? { request_put: { key, value: ev.kv!.value } } : { request_delete_range: { key } });
    m.total++;
  }
  if (ops.length > 0) await m.dst.unary('KV', 'Txn', { success: ops }, NO_DEADLINE).catch(failWith);
}

function follow(m: Mirror, rev: string): Promise<never> {
  let chain = Promise.resolve();
  return new Promise((_, reject) => {
    const w = watchEvents(m.src, keyRange(m.prefix, undefined, true, false), String(BigInt(rev) + 1n), (r) => {
      chain = chain.then(() => apply(m, r)).catch((err: unknown) => { w.cancel(); reject(err); });
    });
    void w.ended.then(() => reject(new ExitError(EXIT.error, '<nil>')));
  });
}

async function mirror(ctx: CommandContext, src: EtcdClient, dst: EtcdClient): Promise<never> {
  const m: Mirror = { src, dst, prefix: ctx.str('prefix'), dest: ctx.str('dest-prefix'), total: 0 };
  const ticker = setInterval(() => ctx.out(`${m.total}\n`), 30_000);
  try {
    const head = await src.unary<RangeResponse>('KV', 'Range', { key: Buffer.from('foo') }, NO_DEADLINE).catch(failWith);
    if (ctx.bool('no-dest-prefix') && m.dest !== '') {
      throw new ExitError(EXIT.badArgs, '`--dest-prefix` and `--no-dest-prefix` cannot be set at the same time, choose one');
    }
    if (!ctx.bool('no-dest-prefix') && m.dest === '') m.dest = m.prefix;
    const rev = String(head.header?.revision ?? '0');
    await syncBase(m, rev);
    return await follow(m, rev);
  } finally {
    clearInterval(ticker);
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'make-mirror takes one destination argument');
  const g = ctx.globals();
  const destGlobals = {
    ...g, endpoints: [ctx.args[0]!], user: '', password: '', insecureSkipVerify: false,
    cert: ctx.str('dest-cert'), key: ctx.str('dest-key'), cacert: ctx.str('dest-cacert'),
    insecureTransport: ctx.bool('dest-insecure-transport'),
  };
  const dst = await dial(ctx, { globals: destGlobals });
  try {
    return await withClient(ctx, (src) => mirror(ctx, src, dst));
  } finally {
    dst.close();
  }
}
