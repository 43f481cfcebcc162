// The benchmarks of the store and etcd issues, each a ratio measured in this one run:
//   store puts/gets through the Store interface vs the real etcd 3.4 over gRPC (goal >= 3x puts);
//   our etcd vs the real etcd over gRPC, same client (goal >= 3x puts, >= 1x gets), with each
//   server's CPU time per call and, as a ceiling, the rate a do-nothing node:http2 server reaches;
//   CLI start-up: bin/etcdctl version / node -e 0 (goal <= 1.3); etcdctl get k ours / real (goal <= 1.5);
//   cross-process watch latency of the store (goal: within 50 ms).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { fmt, pipelinedRate, rate, report, wallMs } from './timing.js';
import { haveRealEtcd, kvClient, startEtcd, startNullGrpc, type Started } from './servers.js';
import { watchLatency } from './watch-latency.js';
import { clusterRows } from './cluster.js';
import { schedulerRows } from './scheduler.js';

const N = Number(process.env.BENCH_N ?? 3000);
const b = (s: string): Buffer => Buffer.from(s);

async function storeRates(): Promise<{ puts: number; gets: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-bench-store-'));
  const store = openStore(join(dir, 'data'));
  try {
    const value = b('x'.repeat(64));
    const puts = await rate(N, (i) => store.put({ key: b(`/registry/bench/k${i}`), value }));
    const gets = await rate(N, (i) => store.range({ key: b(`/registry/bench/k${i}`) }));
    return { puts, gets };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ServerRates {
  puts: number;
  gets: number;
  pipelinedPuts: number;
  getWallMs: number;
  /** the server process's CPU time per call, in microseconds */
  cpuPerPut: number;
  cpuPerGet: number;
}

/** measure()'s result, and the server's CPU time per call (n calls) meanwhile, in microseconds. */
async function withCpu(server: Started, n: number, measure: () => Promise<number>): Promise<[number, number]> {
  const before = server.cpuMs();
  const r = await measure();
  return [r, ((server.cpuMs() - before) * 1000) / n];
}

async function serverRates(kind: 'ours' | 'real'): Promise<ServerRates> {
  const server = await startEtcd(kind);
  const client = await kvClient(server.endpoint);
  try {
    const value = 'x'.repeat(64);
    const [puts, cpuPerPut] = await withCpu(server, N, () => rate(N, (i) => client.put(`/registry/bench/k${i}`, value)));
    const [gets, cpuPerGet] = await withCpu(server, N, () => rate(N, (i) => client.get(`/registry/bench/k${i}`)));
    const pipelinedPuts = await pipelinedRate(N, 32, (i) => client.put(`/registry/bench/p${i}`, value));
    const cmd = kind === 'real' ? '/usr/bin/etcdctl' : existsSync('dist/etcdctl.cjs') ? 'bin/etcdctl' : undefined;
    const getWallMs = cmd ? wallMs(cmd, ['--endpoints', server.endpoint, 'get', '/registry/bench/k1'], 15) : NaN;
    return { puts, gets, pipelinedPuts, getWallMs, cpuPerPut, cpuPerGet };
  } finally {
    client.close();
    await server.stop();
  }
}

/** What the same client gets from a server that does nothing (bench/null-grpc.mjs): a ceiling for any node:http2 server. */
async function nullRates(): Promise<{ calls: number; pipelined: number }> {
  const server = await startNullGrpc();
  const client = await kvClient(server.endpoint);
  try {
    const calls = await rate(N, (i) => client.get(`/registry/bench/k${i}`));
    const pipelined = await pipelinedRate(N, 32, (i) => client.get(`/registry/bench/k${i}`));
    return { calls, pipelined };
  } finally {
    client.close();
    await server.stop();
  }
}

export async function main(): Promise<number> {
  const rows: [string, string][] = [];
  const store = await storeRates();
  rows.push(['store (interface) puts/s', fmt(store.puts)], ['store (interface) gets/s', fmt(store.gets)]);
  const ours = await serverRates('ours');
  rows.push(['our etcd (gRPC) puts/s', fmt(ours.puts)], ['our etcd (gRPC) gets/s', fmt(ours.gets)], ['our etcd (gRPC, 32 in flight) puts/s', fmt(ours.pipelinedPuts)]);
  if (haveRealEtcd()) {
    const real = await serverRates('real');
    rows.push(['real etcd 3.4 (gRPC) puts/s', fmt(real.puts)], ['real etcd 3.4 (gRPC) gets/s', fmt(real.gets)], ['real etcd 3.4 (gRPC, 32 in flight) puts/s', fmt(real.pipelinedPuts)]);
    rows.push(['store puts / real etcd puts', `${fmt(store.puts / real.puts, 2)}x (goal >= 3)`]);
    rows.push(['our etcd puts / real etcd puts', `${fmt(ours.puts / real.puts, 2)}x (goal >= 3)`]);
    rows.push(['our etcd gets / real etcd gets', `${fmt(ours.gets / real.gets, 2)}x (goal >= 1)`]);
    rows.push(['our etcd / real etcd, 32 in flight puts', `${fmt(ours.pipelinedPuts / real.pipelinedPuts, 2)}x`]);
    rows.push(['server CPU per put, ours / real', `${fmt(ours.cpuPerPut)} us / ${fmt(real.cpuPerPut)} us = ${fmt(ours.cpuPerPut / real.cpuPerPut, 2)}x`]);
    rows.push(['server CPU per get, ours / real', `${fmt(ours.cpuPerGet)} us / ${fmt(real.cpuPerGet)} us = ${fmt(ours.cpuPerGet / real.cpuPerGet, 2)}x`]);
    if (!Number.isNaN(ours.getWallMs)) rows.push(['`etcdctl get k` ours / real (wall)', `${fmt(ours.getWallMs, 1)} ms / ${fmt(real.getWallMs, 1)} ms = ${fmt(ours.getWallMs / real.getWallMs, 2)} (goal <= 1.5)`]);
  } else rows.push(['real etcd 3.4', 'not installed (apt-get install etcd-server etcd-client): ratios skipped']);
  const ceiling = await nullRates();
  rows.push(['a do-nothing node:http2 gRPC server, calls/s (1 / 32 in flight)', `${fmt(ceiling.calls)} / ${fmt(ceiling.pipelined)} (the most any node:http2 server answers this client)`]);
  // bin/* start node without NODE_EXTRA_CA_CERTS (see bin/kubectl): so is the bare node compared.
  const { NODE_EXTRA_CA_CERTS: extraCa, ...noExtraCa } = process.env;
  const bare = wallMs(process.execPath, ['-e', '0'], 15, noExtraCa);
  if (extraCa) rows.push(['node -e 0 with NODE_EXTRA_CA_CERTS (this environment) / without', `${fmt(wallMs(process.execPath, ['-e', '0']), 1)} ms / ${fmt(bare, 1)} ms`]);
  for (const bin of ['etcdctl', 'etcd']) {
    if (!existsSync(`dist/${bin}.cjs`)) continue;
    const args = bin === 'etcd' ? ['--version'] : ['version'];
    const t = wallMs(`bin/${bin}`, args);
    rows.push([`bin/${bin} ${args.join(' ')} / node -e 0`, `${fmt(t, 1)} ms / ${fmt(bare, 1)} ms = ${fmt(t / bare, 2)} (goal <= 1.3)`]);
  }
  const lat = await watchLatency(100);
  rows.push(['store watch latency across processes', `median ${fmt(lat.median, 1)} ms, max ${fmt(lat.max, 1)} ms (goal <= 50)`]);
  rows.push(...(await clusterRows()));
  rows.push(...(await schedulerRows()));
  report(rows);
  return 0;
}
