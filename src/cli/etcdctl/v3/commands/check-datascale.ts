// etcdctl check datascale [--load s|m|l|xl] [--prefix P] [--auto-compact] [--auto-defrag]:
// `limit` puts of 512-byte zero values under random 512-byte keys, as fast as `clients` clients
// go, with the first endpoint's process_resident_memory_bytes read from its /metrics before and
// after; the difference is reported in MB. Nothing here has a deadline (a dead endpoint hangs,
// as with etcdctl). The bar counts the puts.
import type { EtcdClient } from '../client/client.js';
import type { CommandContext, GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { ProgressBar } from './check-bar.js';
import { closeAll, dialClients } from './check-dial.js';
import { KeyMaker } from './check-keys.js';
import { DATASCALE_LOADS, goFixed, loadModel, type DatascaleLoad } from './check-load.js';
import { endpointMemoryMetrics } from './check-metrics.js';
import { Report, type Stats } from './check-report.js';
import { deletePrefix, ensureEmpty, maintain, reportErrors } from './check-steps.js';
import { controllingTerminal } from './check-terminal.js';
import { Channel, NO_DEADLINE_MS, runWorkers, type PutRequest } from './check-workers.js';

const KEY_SIZE = 512;
const VALUE_SIZE = 512;
const nowNs = (): number => performance.now() * 1e6;

async function produce(ops: Channel<PutRequest>, cfg: DatascaleLoad, prefix: string): Promise<void> {
  const keys = new KeyMaker(prefix, KEY_SIZE);
  const value = Buffer.alloc(VALUE_SIZE);
  for (let i = 0; i < cfg.limit; i++) await ops.send({ key: keys.next(), value });
  ops.close();
}

async function load(ctx: CommandContext, clients: EtcdClient[], cfg: DatascaleLoad, prefix: string): Promise<Stats> {
  ctx.out(`Start data scale check for work load [${cfg.limit} key-value pairs, ${cfg.kvSize} bytes per key-value, ${cfg.clients} concurrent clients].\n`);
  const terminal = controllingTerminal();
  const bar = new ProgressBar(cfg.limit, { write: (t) => ctx.out(t), width: () => terminal.width(), now: nowNs });
  bar.start();
  try {
    const report = new Report();
    const ops = new Channel<PutRequest>(cfg.clients);
    const workers = runWorkers(clients, ops, report, () => bar.add(1));
    void produce(ops, cfg, prefix);
    report.begin();
    await workers;
    const stats = report.stats();
    bar.finish();
    return stats;
  } finally {
    bar.stop();
    terminal.close();
  }
}

function memory(ctx: CommandContext, g: GlobalOptions): Promise<number> {
  return endpointMemoryMetrics(g.endpoints[0] ?? '', g, { cwd: ctx.io.cwd, out: (t) => ctx.out(t) });
}

async function check(ctx: CommandContext, clients: EtcdClient[], g: GlobalOptions, cfg: DatascaleLoad): Promise<number> {
  const prefix = ctx.str('prefix');
  const c = clients[0]!;
  await ensureEmpty(c, prefix, NO_DEADLINE_MS);
  const before = await memory(ctx, g);
  if (before === 0) {
    ctx.out('FAIL: Could not read process_resident_memory_bytes before the put operations.\n');
    return EXIT.error;
  }
  const stats = await load(ctx, clients, cfg, prefix);
  const after = await memory(ctx, g);
  if (after === 0) {
    ctx.out('FAIL: Could not read process_resident_memory_bytes after the put operations.\n');
    return EXIT.error;
  }
  await maintain(ctx, c, g, await deletePrefix(c, prefix, NO_DEADLINE_MS));
  if (!reportErrors(ctx, stats.errorDist)) return EXIT.error;
  ctx.out(`PASS: Approximate system memory used : ${goFixed((after - before) / (1024 * 1024), 2)} MB.\n`);
  return EXIT.success;
}

export async function run(ctx: CommandContext): Promise<number> {
  const cfg = loadModel(ctx, DATASCALE_LOADS);
  const { clients, globals } = await dialClients(ctx, cfg.clients);
  try {
    return await check(ctx, clients, globals, cfg);
  } finally {
    closeAll(clients);
  }
}
