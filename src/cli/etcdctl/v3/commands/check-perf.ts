// etcdctl check perf [--load s|m|l|xl] [--prefix P] [--auto-compact] [--auto-defrag]: for
// `duration` seconds, puts of 1 KiB zero values under random 256-byte keys, at most `limit` a
// second (a token bucket of one), from `clients` clients; then the prefix is deleted and the
// throughput, slowest request and standard deviation are judged (exit 1 on FAIL). The bar counts
// the seconds.
import type { EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { ProgressBar } from './check-bar.js';
import { closeAll, dialClients } from './check-dial.js';
import { KeyMaker } from './check-keys.js';
import { Limiter } from './check-limiter.js';
import { goFixed, loadModel, PERF_LOADS, type PerfLoad } from './check-load.js';
import { Report, type Stats } from './check-report.js';
import { deletePrefix, ensureEmpty, maintain, reportErrors } from './check-steps.js';
import { controllingTerminal } from './check-terminal.js';
import { Channel, runWorkers, type PutRequest } from './check-workers.js';

const KEY_SIZE = 256;
const VALUE_SIZE = 1024;
const DELETE_TIMEOUT_MS = 30_000;
const nowNs = (): number => performance.now() * 1e6;

/** Tokens from the limiter until its deadline, each a put into the channel; then it is closed. */
async function produce(ops: Channel<PutRequest>, cfg: PerfLoad, prefix: string): Promise<void> {
  const limiter = new Limiter(cfg.limit, 1);
  const deadline = performance.now() + cfg.duration * 1000;
  const keys = new KeyMaker(prefix, KEY_SIZE);
  const value = Buffer.alloc(VALUE_SIZE);
  while (await limiter.wait(deadline)) await ops.send({ key: keys.next(), value });
  ops.close();
}

/** The bar's own loop: one step a second, then Finish (unless the command ended first). */
function tick(bar: ProgressBar, seconds: number): void {
  let next = performance.now();
  let step = 0;
  const wake = (): void => {
    if (bar.stopped) return;
    bar.add(1);
    if (++step === seconds) return bar.finish();
    next += 1000;
    setTimeout(wake, next - performance.now());
  };
  next += 1000;
  setTimeout(wake, 1000);
}

function verdict(ctx: CommandContext, s: Stats, limit: number): boolean {
  let ok = reportErrors(ctx, s.errorDist);
  const writes = Math.trunc(s.rps) + 1;
  if (s.rps / limit <= 0.9) {
    ctx.out(`FAIL: Throughput too low: ${writes} writes/s\n`);
    ok = false;
  } else ctx.out(`PASS: Throughput is ${writes} writes/s\n`);
  if (s.slowest > 0.5) {
    ctx.out(`Slowest request took too long: ${goFixed(s.slowest, 6)}s\n`);
    ok = false;
  } else ctx.out(`PASS: Slowest request took ${goFixed(s.slowest, 6)}s\n`);
  if (s.stddev > 0.1) {
    ctx.out(`Stddev too high: ${goFixed(s.stddev, 6)}s\n`);
    ok = false;
  } else ctx.out(`PASS: Stddev is ${goFixed(s.stddev, 6)}s\n`);
  ctx.out(ok ? 'PASS\n' : 'FAIL\n');
  return ok;
}

async function load(ctx: CommandContext, clients: EtcdClient[], cfg: PerfLoad, prefix: string, bar: ProgressBar): Promise<Stats> {
  bar.start();
  const report = new Report();
  const ops = new Channel<PutRequest>(cfg.clients);
  const workers = runWorkers(clients, ops, report);
  void produce(ops, cfg, prefix);
  tick(bar, cfg.duration);
  report.begin();
  await workers;
  return report.stats();
}

export async function run(ctx: CommandContext): Promise<number> {
  const cfg = loadModel(ctx, PERF_LOADS);
  const prefix = ctx.str('prefix');
  const { clients, globals } = await dialClients(ctx, cfg.clients);
  const c = clients[0]!;
  const terminal = controllingTerminal();
  const bar = new ProgressBar(cfg.duration, { write: (t) => ctx.out(t), width: () => terminal.width(), now: nowNs });
  try {
    await ensureEmpty(c, prefix, cfg.duration * 1000);
    const stats = await load(ctx, clients, cfg, prefix, bar);
    const rev = await deletePrefix(c, prefix, DELETE_TIMEOUT_MS);
    await maintain(ctx, c, globals, rev);
    return verdict(ctx, stats, cfg.limit) ? EXIT.success : EXIT.error;
  } finally {
    // As when etcdctl's main returns: a bar that has not finished yet never does.
    bar.stop();
    terminal.close();
    closeAll(clients);
  }
}
