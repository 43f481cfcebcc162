// crictl stats, statsp and metricsp: two samples --seconds apart, then a cleared screen and the
// table (CPU % from the delta), or the runtime's list as protojson; --watch repeats.
import type { CriClient } from '../../../client/cri/client.js';
import type { ContainerStats, PodSandboxStats } from '../../../client/cri/types.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { CLEAR_SCREEN, TableDisplay, truncatedId } from '../format/table.js';
import { humanSize } from '../format/units.js';
import { parseLabels } from '../runtime/containers.js';
import { outputListJson } from './ps.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const byId = <T extends { attributes: { id: string } | null }>(a: T, b: T): number => {
  const x = a.attributes?.id ?? '';
  const y = b.attributes?.id ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};
const num = (v: { value: string } | null | undefined): number => Number(v?.value ?? 0);

function cpuPercent(cpu: number, oldCpu: number, ts: bigint, oldTs: bigint): number {
  if (cpu === 0) return 0;
  const duration = ts - oldTs;
  if (duration === 0n) throw new Error('cpu stat is not updated during sample');
  return ((cpu - oldCpu) / Number(duration)) * 100;
}

async function repeat(ctx: Ctx, once: () => Promise<void>): Promise<void> {
  if (!ctx.bool('watch')) return once();
  for (;;) {
    await once();
    await sleep(500);
  }
}

async function containerStats(runtime: CriClient, filter: object): Promise<ContainerStats[]> {
  return [...(await runtime.listContainerStats({ filter })).stats].sort(byId);
}

function containerRow(s: ContainerStats, old: ContainerStats | undefined, all: boolean): string[] | null {
  const cpu = num(s.cpu?.usageCoreNanoSeconds);
  const mem = num(s.memory?.workingSetBytes);
  if ((!all && cpu === 0 && mem === 0) || !old) return null;
  const perc = cpuPercent(cpu, num(old.cpu?.usageCoreNanoSeconds), BigInt(s.cpu?.timestamp || '0'), BigInt(old.cpu?.timestamp || '0'));
  const wl = s.writableLayer;
  return [truncatedId(s.attributes?.id ?? ''), s.attributes?.metadata?.name ?? '', perc.toFixed(2), humanSize(mem), humanSize(num(wl?.usedBytes)), String(num(wl?.inodesUsed)), humanSize(num(s.swap?.swapUsageBytes))];
}

export async function stats(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length > 1) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  const filter = { id: ctx.string('id') || (ctx.args[0] ?? ''), podSandboxId: ctx.string('pod'), labelSelector: parseLabels(ctx.slice('label')) };
  const output = ctx.string('output');
  const table = new TableDisplay();
  await repeat(ctx, async () => {
    const first = await containerStats(runtime, filter);
    if (output === 'json' || output === 'yaml') return outputListJson(ctx, 'runtime.v1.ListContainerStatsResponse', { stats: first }, output);
    const old = new Map(first.map((s) => [s.attributes?.id ?? '', s]));
    await sleep(ctx.int('seconds') * 1000);
    table.addRow(['CONTAINER', 'NAME', 'CPU %', 'MEM', 'DISK', 'INODES', 'SWAP']);
    for (const s of await containerStats(runtime, filter)) {
      const row = containerRow(s, old.get(s.attributes?.id ?? ''), ctx.bool('all'));
      if (row) table.addRow(row);
    }
    ctx.out(CLEAR_SCREEN + table.render());
  }).catch((err: unknown) => {
    throw wrapError('get container stats', err);
  });
}

async function podStats(runtime: CriClient, filter: object): Promise<PodSandboxStats[]> {
  try {
    return [...(await runtime.listPodSandboxStats({ filter })).stats].sort(byId);
  } catch (err) {
    throw wrapError('list pod sandbox stats', err);
  }
}

function podRow(s: PodSandboxStats, old: PodSandboxStats | undefined): string[] | null {
  const id = truncatedId(s.attributes?.id ?? '');
  if (s.linux && s.windows) throw new Error(`pod ${JSON.stringify(id)} has both linux and windows stats which is not supported`);
  const cur = s.linux ?? s.windows;
  const cpu = num(cur?.cpu?.usageCoreNanoSeconds);
  const mem = num(cur?.memory?.workingSetBytes);
  if ((cpu === 0 && mem === 0) || !old) return null;
  const prev = s.linux ? old.linux : old.windows;
  const perc = cpuPercent(cpu, num(prev?.cpu?.usageCoreNanoSeconds), BigInt(cur?.cpu?.timestamp || '0'), BigInt(prev?.cpu?.timestamp || '0'));
  return [s.attributes?.metadata?.name ?? '', id, perc.toFixed(2), humanSize(mem)];
}

export async function statsp(ctx: Ctx): Promise<number | void> {
  const id = ctx.string('id') || (ctx.args[0] ?? '');
  if (ctx.args.length > 1) return ctx.showHelp();
  const runtime = await ctx.connector.runtime().catch((err: unknown) => {
    throw wrapError('get runtime service', err);
  });
  let labels: Record<string, string>;
  try {
    labels = parseLabels(ctx.slice('label'));
  } catch (err) {
    throw wrapError('parse pod labels', err);
  }
  const filter = { id, labelSelector: labels };
  const output = ctx.string('output');
  const table = new TableDisplay();
  await repeat(ctx, async () => {
    const first = await podStats(runtime, filter);
    if (output === 'json' || output === 'yaml') return outputListJson(ctx, 'runtime.v1.ListPodSandboxStatsResponse', { stats: first }, output);
    const old = new Map(first.map((s) => [s.attributes?.id ?? '', s]));
    await sleep(ctx.int('seconds') * 1000);
    table.addRow(['POD', 'POD ID', 'CPU %', 'MEM']);
    for (const s of await podStats(runtime, filter)) {
      const row = podRow(s, old.get(s.attributes?.id ?? ''));
      if (row) table.addRow(row);
    }
    ctx.out(CLEAR_SCREEN + table.render());
  }).catch((err: unknown) => {
    throw wrapError('get pod stats', err);
  });
}

export async function metricsp(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length > 0) return ctx.showHelp();
  const runtime = await ctx.connector.runtime().catch((err: unknown) => {
    throw wrapError('get runtime service', err);
  });
  const output = ctx.string('output');
  if (!['json', 'yaml', ''].includes(output)) return ctx.showHelp();
  await repeat(ctx, async () => {
    const r = await runtime.listPodSandboxMetrics({}).catch((err: unknown) => {
      throw wrapError('list pod sandbox metrics', err);
    });
    await outputListJson(ctx, 'runtime.v1.ListPodSandboxMetricsResponse', r, output === 'yaml' ? 'yaml' : 'json');
  }).catch((err: unknown) => {
    throw wrapError('get pod metrics', err);
  });
}
